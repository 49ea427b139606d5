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
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, code %6</source>
        <translation>已编译 %1，用时 %2 ms：%3 个文件，RAM %4，常量 %5，代码 %6</translation>
    </message>
    <message>
        <source>compile failed without a diagnostic</source>
        <translation>编译失败，但没有诊断信息</translation>
    </message>
    <message>
        <source>nothing to export; compile the model first</source>
        <translation>没有可导出的内容；请先编译模型</translation>
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
        <source>nothing to check; compile the model first</source>
        <translation>没有可检查的内容；请先编译模型</translation>
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
    <name>ember::studio::CodeView</name>
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
        <source>%n file(s), %1 of C</source>
        <translation><numerusform>%n 个文件，%1 C 代码</numerusform></translation>
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
        <source>%1 %2 (%3% of the run on %4)</source>
        <translation>%1 %2（占 %4 上运行的 %3%）</translation>
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
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
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
        <source>code</source>
        <translation>代码</translation>
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
        <source>Profile runs (double-click to show one in the Profile tab)</source>
        <translation>性能分析运行（双击在“性能分析”标签页中显示）</translation>
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
        <source>Select two profile runs to compare them.</source>
        <translation>选择两次性能分析运行进行比较。</translation>
    </message>
</context>
<context>
    <name>ember::studio::MainWindow</name>
    <message>
        <source>compile first (Ctrl+B) to see the generated function of this layer</source>
        <translation>请先编译（Ctrl+B）以查看该层生成的函数</translation>
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
        <source>peak %1</source>
        <translation>峰值 %1</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <source>app-provided</source>
        <translation>由应用提供</translation>
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
    <name>ember::studio::OptionsPanel</name>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
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
        <source>Entrypoint API</source>
        <translation>入口 API</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Wrappers</source>
        <translation>包装器</translation>
    </message>
    <message>
        <source>Target core</source>
        <translation>目标内核</translation>
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
        <source>Pools</source>
        <translation>内存池</translation>
    </message>
    <message>
        <source>Packed wrappers</source>
        <translation>Packed 包装器</translation>
    </message>
    <message>
        <source>Application-provided</source>
        <translation>由应用提供</translation>
    </message>
    <message>
        <source>model file name</source>
        <translation>模型文件名</translation>
    </message>
    <message>
        <source>--name: prefix of every generated identifier and file (include/&lt;name&gt;/&lt;name&gt;.h, &lt;name&gt;_run, ...). Default: the model file name, sanitised.</source>
        <translation>--name：每个生成的标识符和文件的前缀（include/&lt;name&gt;/&lt;name&gt;.h、&lt;name&gt;_run 等）。默认：经过规整的模型文件名。</translation>
    </message>
    <message>
        <source>--interface-api: 'c' generates &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *) with named struct members; 'packed' generates one uniform packed-signature entrypoint for module loading.</source>
        <translation>--interface-api：'c' 生成带命名结构体成员的 &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *)；'packed' 生成一个统一的打包签名入口函数，用于模块加载。</translation>
    </message>
    <message>
        <source>--operators: 'unpacked' makes each layer a static function taking typed data pointers; 'packed' gives every layer the same signature with DLTensor-compatible descriptors.</source>
        <translation>--operators：'unpacked' 使每一层成为接收带类型数据指针的静态函数；'packed' 使每一层具有相同签名，使用兼容 DLTensor 的描述符。</translation>
    </message>
    <message>
        <source>--packed-wrappers: adds a packed wrapper beside each unpacked function and a name → function table, for host-driven inference and per-layer profiling. Default: off.</source>
        <translation>--packed-wrappers：为每个非打包函数添加打包包装函数以及“名称 → 函数”表，用于主机驱动推理和逐层性能分析。默认：关闭。</translation>
    </message>
    <message>
        <source>--target: the core the kernels are written for; DSP/MVE variants use ACLE intrinsics. 'generic' is portable C.</source>
        <translation>--target：内核所针对的处理器核；DSP/MVE 变体使用 ACLE 内建函数。'generic' 为可移植 C。</translation>
    </message>
    <message>
        <source>--planner: the algorithm that assigns each activation an offset in its pool; changes the pool sizes in the header.</source>
        <translation>--planner：为每个激活在其内存池中分配偏移量的算法；会改变头文件中的内存池大小。</translation>
    </message>
    <message>
        <source>--align: alignment of every buffer inside a pool (bytes, power of two).</source>
        <translation>--align：内存池中每个缓冲区的对齐（字节，2 的幂）。</translation>
    </message>
    <message>
        <source>--constants: 'flash' emits const arrays the linker keeps in flash; 'pool' expects the application to provide one constants pool (e.g. copied from external flash).</source>
        <translation>--constants：'flash' 生成由链接器放在闪存中的 const 数组；'pool' 要求应用提供一个常量内存池（例如从外部闪存复制）。</translation>
    </message>
    <message>
        <source>--io: 'separate' leaves input/output buffers to the application; 'workspace' plans them inside the workspace and adds accessors returning the in-workspace pointers.</source>
        <translation>--io：'separate' 将输入/输出缓冲区交给应用管理；'workspace' 将其规划在工作区内，并添加返回工作区内指针的访问函数。</translation>
    </message>
    <message>
        <source>--app-pools: the application passes pool base pointers in struct &lt;name&gt;_workspace_pools instead of the generated static arrays. Default: off (static arrays).</source>
        <translation>--app-pools：应用通过 struct &lt;name&gt;_workspace_pools 传入内存池基址指针，而不是使用生成的静态数组。默认：关闭（静态数组）。</translation>
    </message>
    <message>
        <source>--pool NAME:SIZE[:section=S][:align=A]: each pool becomes a uint8_t array (or an app-provided pointer). Size 0 = as large as the plan needs; sizes accept K/M suffixes.</source>
        <translation>--pool NAME:SIZE[:section=S][:align=A]：每个内存池成为一个 uint8_t 数组（或由应用提供的指针）。大小 0 表示按规划所需；大小可使用 K/M 后缀。</translation>
    </message>
    <message>
        <source>--pin TENSOR=POOL: place an activation in a given pool (e.g. a large buffer in external SRAM). Drag buffers between lanes in the Memory view to pin them.</source>
        <translation>--pin TENSOR=POOL：将激活放入指定内存池（例如把大缓冲区放到外部 SRAM）。在内存视图中在通道之间拖动缓冲区即可固定。</translation>
    </message>
    <message>
        <source>--dim TENSOR:AXIS=MIN..MAX, one per line: a dimension that varies at run time; memory is planned for MAX.</source>
        <translation>--dim TENSOR:AXIS=MIN..MAX，每行一个：运行时可变的维度；内存按 MAX 规划。</translation>
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
        <source>Models (*.tflite *.onnx);;All files (*)</source>
        <translation>模型 (*.tflite *.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>projects are not saved: %1</source>
        <translation>项目未保存：%1</translation>
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
    <name>ember::studio::PropertiesPanel</name>
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
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
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
        <source>Activation lower bound</source>
        <translation>激活内存下界</translation>
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
</context>
<context>
    <name>ember::studio::ToolRunner</name>
    <message>
        <source>cannot start '%1': %2; set its path in Settings</source>
        <translation>无法启动 '%1'：%2；请在设置中指定其路径</translation>
    </message>
</context>
</TS>
