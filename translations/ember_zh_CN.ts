<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompileJob</name>
    <message>
        <source>planning memory</source>
        <translation>正在规划内存</translation>
    </message>
    <message>
        <source>generating C</source>
        <translation>正在生成 C 代码</translation>
    </message>
    <message>
        <source>collecting results</source>
        <translation>正在收集结果</translation>
    </message>
</context>
<context>
    <name>ember::studio</name>
    <message>
        <source>constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>firmware (measured)</source>
        <translation>固件（实测）</translation>
    </message>
    <message>
        <source>code (estimate)</source>
        <translation>代码（估计）</translation>
    </message>
    <message>
        <source>pool '%1'</source>
        <translation>池 '%1'</translation>
    </message>
    <message>
        <source>I/O buffers</source>
        <translation>输入/输出缓冲区</translation>
    </message>
    <message>
        <source>stack</source>
        <translation>栈</translation>
    </message>
    <message>
        <source>Estimated instructions for %1%2.</source>
        <translation>%1 的估计指令数%2。</translation>
    </message>
    <message>
        <source>a generic Cortex-M core</source>
        <translation>通用 Cortex-M 内核</translation>
    </message>
    <message>
        <source>, calibrated on the last profile</source>
        <translation>，已按上次分析校准</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Param bytes</source>
        <translation>参数字节</translation>
    </message>
    <message>
        <source>Activation bytes</source>
        <translation>激活字节</translation>
    </message>
    <message>
        <source>Live RAM</source>
        <translation>活动 RAM</translation>
    </message>
    <message>
        <source>Est. instructions</source>
        <translation>估计指令数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
</context>
<context>
    <name>ember::studio::BisectController</name>
    <message>
        <source>layer-by-layer run cancelled; QEMU stopped</source>
        <translation>逐层运行已取消；QEMU 已停止</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>layer-by-layer run on %1 failed: %2</source>
        <translation>在 %1 上逐层运行失败：%2</translation>
    </message>
    <message>
        <source>nothing to run; open a model first</source>
        <translation>没有可运行的内容；请先打开模型</translation>
    </message>
    <message>
        <source>a board job is running; wait for it or press Cancel</source>
        <translation>开发板任务正在运行；请等待或按“取消”</translation>
    </message>
    <message>
        <source>no board selected; choose one in the toolbar</source>
        <translation>未选择开发板；请在工具栏中选择</translation>
    </message>
    <message>
        <source>the Validation tab's input %1 is not one raw file; using a seeded random input</source>
        <translation>“验证”页的输入 %1 不是单个原始文件；改用带种子的随机输入</translation>
    </message>
    <message>
        <source>running on %1 layer by layer: %2</source>
        <translation>在 %1 上逐层运行：%2</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>a layer-by-layer run of %1 ended after another model was opened; its result was dropped</source>
        <translation>%1 的逐层运行在打开另一个模型后才结束；其结果已丢弃</translation>
    </message>
    <message>
        <source>≠ first divergent layer (%1 bytes differ)</source>
        <translation>≠ 第一个出现差异的层（%1 字节不同）</translation>
    </message>
    <message>
        <source>Run on Board &amp;Layer by Layer</source>
        <translation>在开发板上逐层运行(&amp;L)</translation>
    </message>
    <message>
        <source>Build the firmware with the RPC server, run every layer on the selected board and compare it with the host reference; the first layer that differs is highlighted (Ctrl+Shift+R)</source>
        <translation>构建带 RPC 服务器的固件，在所选开发板上运行每一层并与主机参考结果比较；第一个不同的层会被高亮（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Layer by Layer</source>
        <translation>逐层</translation>
    </message>
</context>
<context>
    <name>ember::studio::BisectPanel</name>
    <message>
        <source>Running on the board layer by layer: %1</source>
        <translation>正在开发板上逐层运行：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;All %1 layers identical&lt;/b&gt; on %2 and the host reference (%3).</source>
        <translation>&lt;b&gt;全部 %1 层一致&lt;/b&gt;：%2 与主机参考结果（%3）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;First divergent layer %1&lt;/b&gt; '%2' (%3) on %4: output &lt;b&gt;%5&lt;/b&gt; %6 — &lt;span style='color:#c62828'&gt;&lt;b&gt;%7 of %8 bytes differ&lt;/b&gt;&lt;/span&gt; (%9 of %10 elements), max difference &lt;b&gt;%11&lt;/b&gt;. Device (left) vs host reference (right); input: %12.%13</source>
        <translation>&lt;b&gt;第一个出现差异的层 %1&lt;/b&gt; '%2'（%3），在 %4 上：输出 &lt;b&gt;%5&lt;/b&gt; %6 — &lt;span style='color:#c62828'&gt;&lt;b&gt;%8 字节中有 %7 字节不同&lt;/b&gt;&lt;/span&gt;（%10 个元素中有 %9 个），最大差值 &lt;b&gt;%11&lt;/b&gt;。设备（左）与主机参考（右）；输入：%12。%13</translation>
    </message>
    <message>
        <source> Showing the first %1 rows.</source>
        <translation> 仅显示前 %1 行。</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Only differing</source>
        <translation>仅显示不同项</translation>
    </message>
    <message>
        <source>Run on Board Layer by Layer (Build menu) compares every layer's output on the board with the host reference; the first that differs shows here.</source>
        <translation>“在开发板上逐层运行”（构建菜单）会将开发板上每一层的输出与主机参考结果比较；第一个不同的层显示在这里。</translation>
    </message>
</context>
<context>
    <name>ember::studio::BoardController</name>
    <message>
        <source>flashed %1: %2</source>
        <translation>已烧录 %1：%2</translation>
    </message>
    <message>
        <source>%1 · %2 at %3 MHz%4</source>
        <translation>%1 · %2，%3 MHz%4</translation>
    </message>
    <message>
        <source> · emulated in QEMU: counts instructions, needs no hardware</source>
        <translation> · 在 QEMU 中仿真：统计指令数，无需硬件</translation>
    </message>
    <message>
        <source>nothing to %1; open a model first</source>
        <translation>没有可%1的内容；请先打开模型</translation>
    </message>
    <message>
        <source>a board job is running; wait for it or press Cancel</source>
        <translation>开发板任务正在运行；请等待或按“取消”</translation>
    </message>
    <message>
        <source>no board selected; choose one in the toolbar</source>
        <translation>未选择开发板；请在工具栏中选择</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>性能分析</translation>
    </message>
    <message>
        <source>profiling on %1: %2</source>
        <translation>正在 %1 上进行性能分析：%2</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>烧录</translation>
    </message>
    <message>
        <source>nothing to flash; compile the model first (Ctrl+B)</source>
        <translation>没有可烧录的内容；请先编译模型（Ctrl+B）</translation>
    </message>
    <message>
        <source>flashing %1 to %2</source>
        <translation>正在将 %1 烧录到 %2</translation>
    </message>
    <message>
        <source>a profile run of %1 ended after another model was opened; it was not recorded</source>
        <translation>%1 的性能分析运行在打开另一个模型后才结束；未记录</translation>
    </message>
    <message>
        <source>outputs bit-exact with the host</source>
        <translation>输出与主机逐位一致</translation>
    </message>
    <message>
        <source>outputs DIFFER from the host: %1</source>
        <translation>输出与主机不一致：%1</translation>
    </message>
    <message>
        <source>outputs not compared</source>
        <translation>未比较输出</translation>
    </message>
    <message>
        <source>profiled on %1: %2 %3 (%4 ms at %5 MHz), %6</source>
        <translation>已在 %1 上完成性能分析：%2 %3（%5 MHz 下 %4 毫秒），%6</translation>
    </message>
    <message>
        <source>flash cancelled</source>
        <translation>烧录已取消</translation>
    </message>
    <message>
        <source>profile run cancelled</source>
        <translation>性能分析运行已取消</translation>
    </message>
    <message>
        <source>flashing %1 failed</source>
        <translation>烧录 %1 失败</translation>
    </message>
    <message>
        <source>profiling on %1 failed</source>
        <translation>在 %1 上的性能分析失败</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>性能分析(&amp;P)</translation>
    </message>
    <message>
        <source>Compile, build firmware, run it on the selected board and count every layer (Ctrl+R)</source>
        <translation>编译、构建固件、在所选开发板上运行并统计每一层（Ctrl+R）</translation>
    </message>
    <message>
        <source>&amp;Flash</source>
        <translation>烧录(&amp;F)</translation>
    </message>
    <message>
        <source>Build firmware for the last compile and program the selected board (Ctrl+U)</source>
        <translation>为上次编译构建固件并烧录到所选开发板（Ctrl+U）</translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>开发板：</translation>
    </message>
</context>
<context>
    <name>ember::studio::BoardJob</name>
    <message>
        <source>%1 (emulated)</source>
        <translation>%1（仿真）</translation>
    </message>
    <message>
        <source>firmware project kept in %1</source>
        <translation>固件工程保留在 %1</translation>
    </message>
    <message>
        <source>a board job is already running; wait for it or cancel it</source>
        <translation>已有开发板任务在运行；请等待或取消它</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the firmware: %1</source>
        <translation>无法为固件创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>the board runner is busy; try again when the current job has ended</source>
        <translation>开发板运行器正忙；请在当前任务结束后重试</translation>
    </message>
    <message>
        <source>cannot write the firmware project to a temporary folder: %1</source>
        <translation>无法将固件工程写入临时文件夹：%1</translation>
    </message>
    <message>
        <source>firmware project: %1</source>
        <translation>固件工程：%1</translation>
    </message>
    <message>
        <source>this studio was built without board support (flashers/)</source>
        <translation>此 Studio 构建时未包含开发板支持（flashers/）</translation>
    </message>
    <message>
        <source>this studio was built without board support; rebuild with the flashers library</source>
        <translation>此 Studio 构建时未包含开发板支持；请连同 flashers 库重新构建</translation>
    </message>
</context>
<context>
    <name>ember::studio::BuildController</name>
    <message>
        <source>compile cancelled</source>
        <translation>编译已取消</translation>
    </message>
    <message>
        <source>%1 not done: the compile was cancelled</source>
        <translation>未执行%1：编译已取消</translation>
    </message>
    <message>
        <source>nothing to compile; open a model first</source>
        <translation>没有可编译的内容；请先打开模型</translation>
    </message>
    <message>
        <source>%1 is not supported by this compiler build and was ignored</source>
        <translation>此编译器版本不支持 %1，已忽略</translation>
    </message>
    <message>
        <source>compiling: %1</source>
        <translation>正在编译：%1</translation>
    </message>
    <message>
        <source>compile failed without a diagnostic</source>
        <translation>编译失败，但没有诊断信息</translation>
    </message>
    <message>
        <source>Export package as archive</source>
        <translation>将代码包导出为归档</translation>
    </message>
    <message>
        <source>Tar archive (*.tar)</source>
        <translation>Tar 归档 (*.tar)</translation>
    </message>
    <message>
        <source>Export package to folder</source>
        <translation>将代码包导出到文件夹</translation>
    </message>
    <message>
        <source>package exported to %1</source>
        <translation>代码包已导出到 %1</translation>
    </message>
    <message>
        <source>, flash %1 (measured on %2)</source>
        <translation>，闪存 %1（在 %2 上测得）</translation>
    </message>
    <message>
        <source>recompiled %1 for the changed options in %2 ms (C source %3)</source>
        <translation>已按更改的选项在 %2 ms 内重新编译 %1（C 源码 %3）</translation>
    </message>
    <message>
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, C source %6%7</source>
        <translation>已在 %2 ms 内编译 %1：%3 个文件，RAM %4，常量 %5，C 源码 %6%7</translation>
    </message>
    <message>
        <source>%1 not done: the current options do not compile (see above)</source>
        <translation>未执行%1：当前选项无法编译（见上文）</translation>
    </message>
    <message>
        <source>nothing to %1; open a model first</source>
        <translation>没有可%1的内容；请先打开模型</translation>
    </message>
    <message>
        <source>the options changed since the last build; compiling before: %1</source>
        <translation>选项自上次编译后已更改；先编译，然后：%1</translation>
    </message>
    <message>
        <source>nothing to export; open a model first</source>
        <translation>没有可导出的内容；请先打开模型</translation>
    </message>
    <message>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>check with the host compiler</source>
        <translation>用主机编译器检查</translation>
    </message>
    <message>
        <source>cannot write the package to a temporary folder: %1</source>
        <translation>无法将代码包写入临时文件夹：%1</translation>
    </message>
    <message>
        <source>the package compiles warning-free with the host compiler</source>
        <translation>代码包可用主机编译器无警告编译</translation>
    </message>
    <message>
        <source>the host compiler reported problems (see above)</source>
        <translation>主机编译器报告了问题（见上文）</translation>
    </message>
    <message>
        <source>&amp;Compile</source>
        <translation>编译(&amp;C)</translation>
    </message>
    <message>
        <source>Plan memory and generate the C package (Ctrl+B)</source>
        <translation>规划内存并生成 C 代码包（Ctrl+B）</translation>
    </message>
    <message>
        <source>Export Package to &amp;Folder…</source>
        <translation>导出代码包到文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Export Package as &amp;Archive…</source>
        <translation>导出代码包为归档(&amp;A)…</translation>
    </message>
    <message>
        <source>Check with &amp;Host Compiler</source>
        <translation>用主机编译器检查(&amp;H)</translation>
    </message>
</context>
<context>
    <name>ember::studio::CapacityBars</name>
    <message>
        <source>Flash</source>
        <translation>闪存</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 / %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1 of %2 — does not fit</source>
        <translation>%1 / %2 — 放不下</translation>
    </message>
    <message>
        <source>pools whose section is in no region of this board: %1</source>
        <translation>段不在此开发板任何区域中的池：%1</translation>
    </message>
    <message>
        <source> (estimate)</source>
        <translation>（估计）</translation>
    </message>
</context>
<context>
    <name>ember::studio::CodeView</name>
    <message>
        <source>Options changed — this code is from the previous build; recompiling… (if it stays, the options do not compile: see the Options panel, or press Ctrl+B)</source>
        <translation>选项已更改 — 此代码来自上次编译；正在重新编译…（若此提示不消失，说明选项无法编译：见“选项”面板，或按 Ctrl+B）</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>代码包</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Find in file…</source>
        <translation>在文件中查找…</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Mark changes</source>
        <translation>标记更改</translation>
    </message>
    <message>
        <source>Highlight lines that changed versus the previous build</source>
        <translation>高亮显示相对上次构建有变化的行</translation>
    </message>
    <message>
        <source>Compile the model (Build ▸ Compile, Ctrl+B) to see the generated C package.</source>
        <translation>编译模型（构建 ▸ 编译，Ctrl+B）以查看生成的 C 代码包。</translation>
    </message>
    <message>
        <source>Go to layer…</source>
        <translation>跳转到层…</translation>
    </message>
    <message>
        <source>changed since the previous build</source>
        <translation>自上次构建以来已更改</translation>
    </message>
    <message>
        <source>new in this build</source>
        <translation>本次构建新增</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed since the previous build</source>
        <translation><numerusform>自上次构建以来有 %n 个文件更改</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 of C source</source>
        <translation>
            <numerusform>%n 个文件，%1 C 源码</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::CompileJob</name>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
</context>
<context>
    <name>ember::studio::GraphView</name>
    <message>
        <source>Find layer, op type or tensor…</source>
        <translation>查找层、算子类型或张量…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view</source>
        <translation>将整个图适应到视图</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>%1 operators · %2 tensors</source>
        <translation>%1 个算子 · %2 个张量</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>Not supported: %1</source>
        <translation>不支持：%1</translation>
    </message>
    <message>
        <source>No supported alternative known; see Help ▸ Supported Operators.</source>
        <translation>没有已知的替代算子；见 帮助 ▸ 支持的算子。</translation>
    </message>
    <message>
        <source>Supported alternatives: %1</source>
        <translation>支持的替代算子：%1</translation>
    </message>
    <message>
        <source>%1 %2 (%3% of the run on %4)</source>
        <translation>%1 %2（占 %4 上运行的 %3%）</translation>
    </message>
    <message>
        <source>no match · %1</source>
        <translation>无匹配 · %1</translation>
    </message>
    <message>
        <source>match %1 of %2 · %3</source>
        <translation>第 %1 / %2 个匹配 · %3</translation>
    </message>
    <message>
        <source>Go to Code</source>
        <translation>转到代码</translation>
    </message>
    <message>
        <source>Pin Output to Pool</source>
        <translation>将输出固定到内存池</translation>
    </message>
    <message>
        <source>(add a second pool in Options first)</source>
        <translation>（请先在选项中添加第二个内存池）</translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation>复制名称</translation>
    </message>
</context>
<context>
    <name>ember::studio::HistoryView</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Peak RAM</source>
        <translation>RAM 峰值</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Profile runs and flashes (double-click a run to show it in the Profile tab)</source>
        <translation>性能分析运行与烧录（双击某次运行可在“性能分析”标签页中查看）</translation>
    </message>
    <message>
        <source>Restore Options</source>
        <translation>恢复选项</translation>
    </message>
    <message>
        <source>Put the options of the selected build or run back into the Options panel</source>
        <translation>将所选编译或运行的选项恢复到选项面板</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected history entries (asks first)</source>
        <translation>删除所选历史记录（会先确认）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>(defaults)</source>
        <translation>（默认值）</translation>
    </message>
    <message>
        <source>flash · %1</source>
        <translation>烧录 · %1</translation>
    </message>
    <message>
        <source>flash failed</source>
        <translation>烧录失败</translation>
    </message>
    <message>
        <source>run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>no option changed</source>
        <translation>没有选项更改</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>内存池</translation>
    </message>
    <message>
        <source>constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>Select two builds to compare them.</source>
        <translation>选择两个构建进行比较。</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>开发板</translation>
    </message>
    <message>
        <source>instructions</source>
        <translation>条指令</translation>
    </message>
    <message>
        <source>cycles</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>C source</source>
        <translation>C 源码</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Time at clock</source>
        <translation>按时钟计的时间</translation>
    </message>
    <message>
        <source>Output check</source>
        <translation>输出校验</translation>
    </message>
    <message>
        <source>Every compile and profile run is recorded. Select two builds, or two profile runs, to compare them.</source>
        <translation>每次编译和性能分析运行都会被记录。选择两次构建或两次性能分析运行进行比较。</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>bit-exact</source>
        <translation>逐位一致</translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>未比较</translation>
    </message>
    <message>
        <source>Profile %1 → %2</source>
        <translation>性能分析 %1 → %2</translation>
    </message>
    <message>
        <source>different boards: %1 → %2</source>
        <translation>不同的开发板：%1 → %2</translation>
    </message>
    <message>
        <source>the layers differ; rows pair up by position</source>
        <translation>层不相同；按位置逐行对应</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 行</translation>
    </message>
    <message>
        <source>These builds were recorded without their files (older history).</source>
        <translation>这些编译记录未保存其文件（较早的历史）。</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message numerus="yes">
        <source>(%n unchanged; click a file for its diff)</source>
        <translation>
            <numerusform>（%n 个未更改；点击文件查看差异）</numerusform>
        </translation>
    </message>
    <message>
        <source>◂ back to the comparison</source>
        <translation>◂ 返回比较</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>完全相同</translation>
    </message>
    <message>
        <source>Delete history entries</source>
        <translation>删除历史记录</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected history entries? This cannot be undone; other entries, the project and its options are kept.</source>
        <translation>
            <numerusform>删除所选的 %n 条历史记录？此操作无法撤销；其他记录、项目及其选项将保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two profile runs to compare them.</source>
        <translation>选择两次性能分析运行进行比较。</translation>
    </message>
</context>
<context>
    <name>ember::studio::IdeCommandsDialog</name>
    <message>
        <source>IDE Commands</source>
        <translation>IDE 命令</translation>
    </message>
    <message>
        <source>The command that opens a project folder in each IDE, started without a shell. {dir} is the folder, {project} its CMakeLists.txt (or the folder).</source>
        <translation>在各 IDE 中打开项目文件夹的命令，不经过 shell 启动。{dir} 为文件夹，{project} 为其 CMakeLists.txt（或文件夹）。</translation>
    </message>
</context>
<context>
    <name>ember::studio::IdeController</name>
    <message>
        <source>the command '%1' has an unbalanced quote</source>
        <translation>命令“%1”的引号不成对</translation>
    </message>
    <message>
        <source>the command is empty; set one in Open in IDE ▸ IDE Commands…</source>
        <translation>命令为空；请在“在 IDE 中打开 ▸ IDE 命令…”中设置</translation>
    </message>
    <message>
        <source>Export firmware project to folder</source>
        <translation>将固件项目导出到文件夹</translation>
    </message>
    <message>
        <source>Choose the project folder</source>
        <translation>选择项目文件夹</translation>
    </message>
    <message>
        <source>nothing to export; compile the model first</source>
        <translation>没有可导出的内容；请先编译模型</translation>
    </message>
    <message>
        <source>firmware project for %1 exported to %2; build it with cmake, or open it in your IDE (File ▸ Open in IDE)</source>
        <translation>%1 的固件项目已导出到 %2；可用 cmake 编译，或在 IDE 中打开（文件 ▸ 在 IDE 中打开）</translation>
    </message>
    <message>
        <source>cannot start %1 ('%2'); install it or change its command in Open in IDE ▸ IDE Commands…</source>
        <translation>无法启动 %1（“%2”）；请安装它，或在“在 IDE 中打开 ▸ IDE 命令…”中修改命令</translation>
    </message>
    <message>
        <source>opened %1 in %2</source>
        <translation>已在 %2 中打开 %1</translation>
    </message>
    <message>
        <source>no file manager could open %1</source>
        <translation>没有文件管理器能打开 %1</translation>
    </message>
    <message>
        <source>Export &amp;Firmware Project…</source>
        <translation>导出固件项目(&amp;F)…</translation>
    </message>
    <message>
        <source>Write a CMake firmware project for the selected board; with Ember installed it recompiles the model on every build</source>
        <translation>为所选开发板生成 CMake 固件项目；安装 Ember 后每次编译都会重新编译模型</translation>
    </message>
    <message>
        <source>Open in &amp;IDE</source>
        <translation>在 IDE 中打开(&amp;I)</translation>
    </message>
    <message>
        <source>IDE &amp;Commands…</source>
        <translation>IDE 命令(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reveal in File Manager</source>
        <translation>在文件管理器中显示(&amp;R)</translation>
    </message>
    <message>
        <source>the exported folder (asked for when none is exported yet)</source>
        <translation>已导出的文件夹（尚未导出时会询问）</translation>
    </message>
</context>
<context>
    <name>ember::studio::LayerBisectJob</name>
    <message>
        <source>all %1 layers identical on %2 and the host (%3)</source>
        <translation>全部 %1 层在 %2 与主机上一致（%3）</translation>
    </message>
    <message>
        <source>first divergent layer on %1: %2 '%3' (%4): output '%5' %6 differs in %7 of %8 bytes, max difference %9 (%10)</source>
        <translation>%1 上第一个出现差异的层：%2 '%3'（%4）：输出 '%5' %6 在 %8 字节中有 %7 字节不同，最大差值 %9（%10）</translation>
    </message>
    <message>
        <source>a layer-by-layer run is already going; wait for it or cancel it</source>
        <translation>已有逐层运行正在进行；请等待或取消它</translation>
    </message>
    <message>
        <source>cannot read the input file %1; give one raw file (the Validation tab's input) or leave it empty for a seeded random input</source>
        <translation>无法读取输入文件 %1；请提供一个原始文件（“验证”页的输入），或留空以使用带种子的随机输入</translation>
    </message>
    <message>
        <source>input file %1</source>
        <translation>输入文件 %1</translation>
    </message>
    <message>
        <source>the model has no inputs</source>
        <translation>该模型没有输入</translation>
    </message>
    <message>
        <source>seeded random input (seed %1)</source>
        <translation>带种子的随机输入（种子 %1）</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the firmware: %1</source>
        <translation>无法为固件创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>layer-by-layer run cancelled</source>
        <translation>逐层运行已取消</translation>
    </message>
    <message>
        <source>compiling with packed wrappers</source>
        <translation>正在使用打包包装函数编译</translation>
    </message>
    <message>
        <source>running the host reference</source>
        <translation>正在运行主机参考</translation>
    </message>
    <message>
        <source>building the RPC firmware and booting %1</source>
        <translation>正在构建 RPC 固件并启动 %1</translation>
    </message>
    <message>
        <source>layer %1 of %2: %3</source>
        <translation>第 %1 层，共 %2 层：%3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>this studio was built without board support; rebuild with the flashers library</source>
        <translation>此 Studio 构建时未包含开发板支持；请连同 flashers 库重新构建</translation>
    </message>
</context>
<context>
    <name>ember::studio::LayerReportView</name>
    <message>
        <source>Export layer report</source>
        <translation>导出逐层报告</translation>
    </message>
    <message>
        <source>layer report written to %1</source>
        <translation>逐层报告已写入 %1</translation>
    </message>
    <message>
        <source>cannot write '%1'; check the folder's permissions</source>
        <translation>无法写入 '%1'；请检查文件夹权限</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Param bytes</source>
        <translation>参数字节</translation>
    </message>
    <message>
        <source>Activation bytes</source>
        <translation>激活字节</translation>
    </message>
    <message>
        <source>Live RAM</source>
        <translation>活动 RAM</translation>
    </message>
    <message>
        <source>Est. instructions</source>
        <translation>估计指令数</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) · %1 MACs · ≈ %2 instructions on %3%4</source>
        <translation>
            <numerusform>%n 层 · %1 MACs · 在 %3 上约 %2 条指令%4</numerusform>
        </translation>
    </message>
    <message>
        <source>a generic Cortex-M</source>
        <translation>通用 Cortex-M</translation>
    </message>
    <message>
        <source> (calibrated on the last profile)</source>
        <translation>（已按上次分析校准）</translation>
    </message>
    <message>
        <source> (estimate; a profile on the board calibrates it)</source>
        <translation>（估计；在开发板上分析可校准）</translation>
    </message>
</context>
<context>
    <name>ember::studio::MainWindow</name>
    <message>
        <source>compile first (Ctrl+B) to see the generated function of this layer</source>
        <translation>请先编译（Ctrl+B）以查看该层生成的函数</translation>
    </message>
    <message>
        <source>validate</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>About Ember Studio</source>
        <translation>关于 Ember Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;Compiles TFLite models to dependency-free C for microcontrollers.</source>
        <translation>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;将 TFLite 模型编译为适用于微控制器、无依赖的 C 代码。</translation>
    </message>
    <message>
        <source>Version %1 (commit %2)</source>
        <translation>版本 %1（提交 %2）</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>图(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation>内存(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>适应图(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About Ember Studio</source>
        <translation>关于 Ember Studio(&amp;A)</translation>
    </message>
    <message>
        <source>Supported &amp;Operators…</source>
        <translation>支持的算子(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>构建(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>no translation for '%1' is built in</source>
        <translation>未内置 '%1' 的翻译</translation>
    </message>
    <message>
        <source>%1 — Ember Studio</source>
        <translation>%1 — Ember Studio</translation>
    </message>
    <message>
        <source>Ember Studio</source>
        <translation>Ember Studio</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <source>%1 · %2 ops · %3 MACs</source>
        <translation>%1 · %2 个算子 · %3 MACs</translation>
    </message>
    <message>
        <source>   RAM %1 (lower bound %2)</source>
        <translation>   RAM %1（下界 %2）</translation>
    </message>
    <message>
        <source>   planning failed</source>
        <translation>   规划失败</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>性能分析(&amp;P)</translation>
    </message>
    <message>
        <source>options restored from the history; compile (Ctrl+B) to build them</source>
        <translation>已从历史恢复选项；按 Ctrl+B 编译</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>性能分析</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryPanel</name>
    <message>
        <source>Planner:</source>
        <translation>规划器：</translation>
    </message>
    <message>
        <source>Export picture…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Save the memory view as PNG or SVG</source>
        <translation>将内存视图保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>planning failed (see Messages)</source>
        <translation>规划失败（见消息）</translation>
    </message>
    <message>
        <source>planning failed: %1</source>
        <translation>内存规划失败：%1</translation>
    </message>
    <message>
        <source>Total %1 (%2) · lower bound %3 · %4 buffers</source>
        <translation>总计 %1（%2）· 下界 %3 · %4 个缓冲区</translation>
    </message>
    <message>
        <source>Export memory picture</source>
        <translation>导出内存图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>memory picture saved to %1</source>
        <translation>内存图已保存到 %1</translation>
    </message>
    <message>
        <source>cannot write '%1'; choose a writable folder</source>
        <translation>无法写入 '%1'；请选择可写的文件夹</translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryView</name>
    <message>
        <source>graph input</source>
        <translation>图输入</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 bytes (%3)&lt;br&gt;pool '%4', offset %5 – %6&lt;br&gt;live at steps %7–%8&lt;br&gt;produced by %9%10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 字节（%3）&lt;br&gt;内存池 '%4'，偏移 %5 – %6&lt;br&gt;存活于步骤 %7–%8&lt;br&gt;由 %9 产生%10</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;pinned&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;已固定&lt;/i&gt;</translation>
    </message>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>峰值 %1</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>size auto</source>
        <translation>大小自动</translation>
    </message>
    <message>
        <source>app-provided</source>
        <translation>由应用提供</translation>
    </message>
    <message>
        <source>step →</source>
        <translation>步骤 →</translation>
    </message>
    <message>
        <source>execution step (operator index) — a buffer spans the steps it is live</source>
        <translation>执行步骤（算子序号）— 缓冲区覆盖其存活的步骤</translation>
    </message>
    <message>
        <source>capacity %1 — %2 short</source>
        <translation>容量 %1 — 缺少 %2</translation>
    </message>
    <message>
        <source>No memory plan: %1</source>
        <translation>没有内存规划：%1</translation>
    </message>
    <message>
        <source>Open a model to see its memory plan.</source>
        <translation>打开模型以查看其内存规划。</translation>
    </message>
    <message>
        <source>lower bound %1</source>
        <translation>下界 %1</translation>
    </message>
    <message>
        <source>Pin to pool</source>
        <translation>固定到内存池</translation>
    </message>
    <message>
        <source>(add a second pool in Options first)</source>
        <translation>（请先在选项中添加第二个内存池）</translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>Select in graph</source>
        <translation>在图中选择</translation>
    </message>
    <message>
        <source>&lt;br&gt;alias of &lt;b&gt;%1&lt;/b&gt; (no copy)</source>
        <translation>&lt;br&gt;&lt;b&gt;%1&lt;/b&gt; 的别名（无复制）</translation>
    </message>
    <message>
        <source>&lt;br&gt;in place over &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;br&gt;原地覆盖 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ember::studio::MessagesPane</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier line(s) not shown</source>
        <translation><numerusform>… 未显示之前的 %n 行</numerusform></translation>
    </message>
    <message>
        <source>Expand to see the raw tool log.</source>
        <translation>展开以查看工具的原始日志。</translation>
    </message>
</context>
<context>
    <name>ember::studio::OperatorsDialog</name>
    <message>
        <source>Supported Operators</source>
        <translation>支持的算子</translation>
    </message>
    <message>
        <source>%1 TFLite operators compile to C with TFLite Micro's exact arithmetic. A model with any other operator is refused with the operator named.</source>
        <translation>%1 个 TFLite 算子可按 TFLite Micro 的精确算法编译为 C。含其他算子的模型会被拒绝，并指出该算子。</translation>
    </message>
    <message>
        <source>Filter by operator or type…</source>
        <translation>按算子或类型筛选…</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>ember::studio::OptionsPanel</name>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>Unchecked packed calls</source>
        <translation>未检查的打包调用</translation>
    </message>
    <message>
        <source>App-provided pools</source>
        <translation>由应用提供的内存池</translation>
    </message>
    <message>
        <source>ONNX I/O layout</source>
        <translation>ONNX 输入/输出布局</translation>
    </message>
    <message>
        <source>Preset…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>Embedded (C API)</source>
        <translation>嵌入式（C API）</translation>
    </message>
    <message>
        <source>Host-driven (packed)</source>
        <translation>主机驱动（packed）</translation>
    </message>
    <message>
        <source>Embedded: typed C entrypoint, unpacked operators, static pools — what most firmware wants.
Host-driven: packed entrypoint and operators plus packed wrappers and a function table, so a host can call any layer by name.</source>
        <translation>嵌入式：带类型的 C 入口函数、非打包算子、静态内存池——大多数固件所需。
主机驱动：打包的入口函数和算子，加上打包包装函数和函数表，使主机可以按名称调用任意层。</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Reset every option to its default</source>
        <translation>将所有选项重置为默认值</translation>
    </message>
    <message>
        <source>Generated API</source>
        <translation>生成的 API</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Pins (tensor → pool)</source>
        <translation>固定（张量 → 内存池）</translation>
    </message>
    <message>
        <source>Dynamic dimensions</source>
        <translation>动态维度</translation>
    </message>
    <message>
        <source>Workspace pools</source>
        <translation>工作区内存池</translation>
    </message>
    <message>
        <source>Command line (emberc twin):</source>
        <translation>命令行（对应的 emberc）：</translation>
    </message>
    <message>
        <source>Add pool</source>
        <translation>添加内存池</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add pin</source>
        <translation>添加固定</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>段</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>内存池</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Entrypoint API</source>
        <translation>入口 API</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Target core</source>
        <translation>目标内核</translation>
    </message>
    <message>
        <source>In-place memory</source>
        <translation>原地内存</translation>
    </message>
    <message>
        <source>Optimize for</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>规划器</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>Inputs/outputs</source>
        <translation>输入/输出</translation>
    </message>
    <message>
        <source>Packed wrappers</source>
        <translation>Packed 包装器</translation>
    </message>
    <message>
        <source>model file name</source>
        <translation>模型文件名</translation>
    </message>
    <message>
        <source>%1 is not supported by this compiler build yet.</source>
        <translation>此编译器版本尚不支持 %1。</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProfileView</name>
    <message>
        <source>Profiling… %1</source>
        <translation>正在进行性能分析… %1</translation>
    </message>
    <message>
        <source>No profile run yet.
Choose a board in the toolbar and press Profile (Ctrl+R): the model is compiled, built into firmware, run on the board and checked against the host.</source>
        <translation>尚无性能分析运行。
在工具栏中选择开发板并按“性能分析”（Ctrl+R）：模型将被编译、构建为固件、在开发板上运行，并与主机结果对照。</translation>
    </message>
    <message>
        <source>Open a model, choose a board in the toolbar and press Profile (Ctrl+R).</source>
        <translation>打开模型，在工具栏中选择开发板，然后按“性能分析”（Ctrl+R）。</translation>
    </message>
    <message>
        <source>cycles</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>instructions</source>
        <translation>条指令</translation>
    </message>
    <message>
        <source>%1 on %2 · %3</source>
        <translation>%1 在 %2 上 · %3</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>开发板</translation>
    </message>
    <message>
        <source>emulated (QEMU -icount)</source>
        <translation>仿真（QEMU -icount）</translation>
    </message>
    <message>
        <source>hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n layer(s)</source>
        <translation><numerusform>%1 · %n 层</numerusform></translation>
    </message>
    <message>
        <source>Time at clock</source>
        <translation>按时钟计的时间</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>at %1 MHz</source>
        <translation>在 %1 MHz 下</translation>
    </message>
    <message>
        <source>at %1 MHz (≈ 1 instr./cycle)</source>
        <translation>在 %1 MHz 下（≈ 每周期 1 条指令）</translation>
    </message>
    <message>
        <source>Output check</source>
        <translation>输出校验</translation>
    </message>
    <message>
        <source>✓ bit-exact</source>
        <translation>✓ 逐位一致</translation>
    </message>
    <message>
        <source>same bytes as the host run</source>
        <translation>与主机运行的字节完全相同</translation>
    </message>
    <message>
        <source>✗ mismatch</source>
        <translation>✗ 不一致</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>未比较</translation>
    </message>
    <message>
        <source>no host run</source>
        <translation>无主机运行</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>%1 flash</source>
        <translation>闪存 %1</translation>
    </message>
    <message>
        <source>RAM %1 · stack used %2</source>
        <translation>RAM %1 · 已用栈 %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>MACs/cycle</source>
        <translation>MAC/周期</translation>
    </message>
    <message>
        <source>MACs/instr.</source>
        <translation>MAC/指令</translation>
    </message>
    <message>
        <source>%1 %2, %3 MACs</source>
        <translation>%1 %2，%3 次 MAC</translation>
    </message>
    <message>
        <source>The whole inference measured %1 %2: the layers plus %3 in the entry function around them. Shares and time are of the whole inference.</source>
        <translation>整个推理测得 %1 %2：各层之和再加上外层入口函数中的 %3。占比和时间均以整个推理计。</translation>
    </message>
    <message>
        <source>Shares and time are of the whole inference.</source>
        <translation>占比和时间均以整个推理计。</translation>
    </message>
    <message>
        <source>Emulated board: counts are executed instructions (deterministic), not cycles; the time assumes one instruction per cycle.</source>
        <translation>仿真开发板：统计的是已执行指令数（确定性），而不是周期数；时间按每周期一条指令估算。</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProjectController</name>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>%1 models (%2)</source>
        <translation>%1 模型 (%2)</translation>
    </message>
    <message>
        <source>Models (%1)</source>
        <translation>模型 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>projects are not saved: %1</source>
        <translation>项目未保存：%1</translation>
    </message>
    <message>
        <source>Project database damaged</source>
        <translation>项目数据库已损坏</translation>
    </message>
    <message>
        <source>Start a Fresh Database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Continue Without Saving</source>
        <translation>不保存继续</translation>
    </message>
    <message>
        <source>started a fresh project database: %1</source>
        <translation>已新建项目数据库：%1</translation>
    </message>
    <message>
        <source>the model file changed since the project was saved; its options were kept, check pins and names</source>
        <translation>自项目保存以来模型文件已更改；选项已保留，请检查固定项和名称</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Example Model</source>
        <translation>打开示例模型(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProjectStore</name>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ember::studio::PropertiesPanel</name>
    <message numerus="yes">
        <source>%n per-channel scales and zero points (axis %1)</source>
        <translation>
            <numerusform>%n 个逐通道缩放因子和零点（轴 %1）</numerusform>
        </translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>缩放因子</translation>
    </message>
    <message>
        <source>zero point</source>
        <translation>零点</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>内存池</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Select a node in the graph to see its attributes, tensors and planned buffers.</source>
        <translation>在图中选择一个节点以查看其属性、张量和规划的缓冲区。</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Depth multiplier</source>
        <translation>深度乘数</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta 系数</translation>
    </message>
    <message>
        <source>Axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha 系数</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>no buffer: streamed row by row inside a fused layer (%1 B of stack)</source>
        <translation>无缓冲区：在融合层中逐行计算（%1 B 栈）</translation>
    </message>
</context>
<context>
    <name>ember::studio::Session</name>
    <message>
        <source>cannot open '%1': no such file; check the path or pick another model</source>
        <translation>无法打开 '%1'：文件不存在；请检查路径或选择其他模型</translation>
    </message>
    <message>
        <source>cannot import '%1'; the file is not a supported model</source>
        <translation>无法导入 '%1'；该文件不是受支持的模型</translation>
    </message>
    <message>
        <source>opened %1 (%2 operators, %3 tensors)</source>
        <translation>已打开 %1（%2 个算子，%3 个张量）</translation>
    </message>
    <message>
        <source>cannot write the example model to '%1'; check that the folder is writable</source>
        <translation>无法将示例模型写入 '%1'；请检查文件夹是否可写</translation>
    </message>
    <message numerus="yes">
        <source>cannot compile: %n operator(s) not supported (%1); first: #%2 %3: %4</source>
        <translation>
            <numerusform>无法编译：%n 个算子不受支持（%1）；第一个：#%2 %3：%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Host C compiler</source>
        <translation>主机 C 编译器</translation>
    </message>
    <message>
        <source>Used by Build ▸ Check with Host Compiler to compile the package warning-free.</source>
        <translation>供“构建 ▸ 用主机编译器检查”使用，以无警告方式编译代码包。</translation>
    </message>
    <message>
        <source>arm-none-eabi-gcc</source>
        <translation>arm-none-eabi-gcc</translation>
    </message>
    <message>
        <source>Cross compiler for board firmware.</source>
        <translation>用于开发板固件的交叉编译器。</translation>
    </message>
    <message>
        <source>OpenOCD</source>
        <translation>OpenOCD</translation>
    </message>
    <message>
        <source>Flashes and debugs boards over SWD/JTAG.</source>
        <translation>通过 SWD/JTAG 烧录和调试开发板。</translation>
    </message>
    <message>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message>
        <source>qemu-system-arm, runs emulated boards.</source>
        <translation>qemu-system-arm，运行仿真开发板。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ember::studio::SummaryPanel</name>
    <message>
        <source>Open a model (File ▸ Open, drop a .tflite file here, or File ▸ Open Example).</source>
        <translation>打开模型（文件 ▸ 打开，将 .tflite 文件拖到此处，或 文件 ▸ 打开示例模型）。</translation>
    </message>
    <message>
        <source>Viewing only — this model cannot be compiled:</source>
        <translation>仅查看 — 此模型无法编译：</translation>
    </message>
    <message>
        <source>alternatives: %1</source>
        <translation>替代：%1</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Parameter bytes</source>
        <translation>参数字节数</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Operators by type</source>
        <translation>按类型统计算子</translation>
    </message>
    <message>
        <source>Activation lower bound (no in-place)</source>
        <translation>激活内存下界（不含原地计算）</translation>
    </message>
</context>
<context>
    <name>ember::studio::ToolRunner</name>
    <message>
        <source>cannot start '%1': %2; set its path in Settings</source>
        <translation>无法启动 '%1'：%2；请在设置中指定其路径</translation>
    </message>
</context>
<context>
    <name>ember::studio::ValidationPanel</name>
    <message>
        <source>Input data</source>
        <translation>输入数据</translation>
    </message>
    <message>
        <source>Input data (*.npy *.bin *.raw);;All files (*)</source>
        <translation>输入数据 (*.npy *.bin *.raw);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder of input files</source>
        <translation>输入文件所在文件夹</translation>
    </message>
    <message>
        <source>Float reference model</source>
        <translation>浮点参考模型</translation>
    </message>
    <message>
        <source>TFLite models (*.tflite)</source>
        <translation>TFLite 模型 (*.tflite)</translation>
    </message>
    <message>
        <source>Input data:</source>
        <translation>输入数据：</translation>
    </message>
    <message>
        <source>random:SEED (seeded random inputs), a raw file (the inputs' bytes, one or more cases), a folder of such files, or a .npy array (first axis = cases; float data is quantized)</source>
        <translation>random:SEED（带种子的随机输入）、原始文件（输入的字节，一个或多个样本）、此类文件的文件夹，或 .npy 数组（第一维为样本；浮点数据会被量化）</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Cases:</source>
        <translation>样本数：</translation>
    </message>
    <message>
        <source>Number of random cases (random:SEED only)</source>
        <translation>随机样本数（仅 random:SEED）</translation>
    </message>
    <message>
        <source>Float model:</source>
        <translation>浮点模型：</translation>
    </message>
    <message>
        <source>optional: the float .tflite this model was quantized from</source>
        <translation>可选：此模型量化前的浮点 .tflite</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Build the current options if needed, run the generated C on the host against the reference executor, and compare with the float model</source>
        <translation>必要时按当前选项编译，在主机上将生成的 C 与参考执行器对比运行，并与浮点模型比较</translation>
    </message>
    <message>
        <source>Per layer, this model vs the float model (layers that correspond):</source>
        <translation>逐层：此模型与浮点模型（对应的层）：</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Generated C vs reference</source>
        <translation>生成的 C 与参考</translation>
    </message>
    <message>
        <source>Max abs error</source>
        <translation>最大绝对误差</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <source>validating…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>validating: %1</source>
        <translation>正在验证：%1</translation>
    </message>
    <message>
        <source>validation failed (see Messages)</source>
        <translation>验证失败（见消息）</translation>
    </message>
    <message numerus="yes">
        <source>MISMATCH (%n byte(s))</source>
        <translation>
            <numerusform>不一致（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>bit-exact</source>
        <translation>逐位一致</translation>
    </message>
    <message>
        <source>%1
float model: %2</source>
        <translation>%1
浮点模型：%2</translation>
    </message>
    <message>
        <source>generated C is bit-exact with the reference executor</source>
        <translation>生成的 C 与参考执行器逐位一致</translation>
    </message>
    <message>
        <source>generated C DIFFERS from the reference executor</source>
        <translation>生成的 C 与参考执行器不一致</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in %1 ms: %2</source>
        <translation>
            <numerusform>%n 个样本，用时 %1 ms：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>validation: %n case(s), %1</source>
        <translation>
            <numerusform>验证：%n 个样本，%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::WelcomePage</name>
    <message>
        <source>No recent models yet.</source>
        <translation>还没有最近的模型。</translation>
    </message>
    <message>
        <source>Welcome to Ember Studio</source>
        <translation>欢迎使用 Ember Studio</translation>
    </message>
    <message>
        <source>Compile a TFLite model into dependency-free C for a microcontroller: see its graph and memory plan, tune the options, validate it on the desktop and profile it on a board.</source>
        <translation>将 TFLite 模型编译为无依赖的微控制器 C 代码：查看计算图和内存规划，调整选项，在桌面上验证并在开发板上分析。</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <source>Recent models (double-click to open)</source>
        <translation>最近的模型（双击打开）</translation>
    </message>
    <message>
        <source>Example models</source>
        <translation>示例模型</translation>
    </message>
    <message>
        <source>…or drop a .tflite file anywhere on this window</source>
        <translation>…或将 .tflite 文件拖放到此窗口</translation>
    </message>
</context>
</TS>
