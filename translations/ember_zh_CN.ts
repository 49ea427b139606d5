<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompileJob</name>
    <message>
        <location filename="../app/model/CompileJob.cpp" line="17"/>
        <source>planning memory</source>
        <translation>正在规划内存</translation>
    </message>
    <message>
        <location filename="../app/model/CompileJob.cpp" line="25"/>
        <source>generating C</source>
        <translation>正在生成 C 代码</translation>
    </message>
    <message>
        <location filename="../app/model/CompileJob.cpp" line="28"/>
        <source>collecting results</source>
        <translation>正在收集结果</translation>
    </message>
</context>
<context>
    <name>ember::studio</name>
    <message>
        <location filename="../app/model/Capacity.cpp" line="49"/>
        <source>constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="52"/>
        <source>firmware (measured)</source>
        <translation>固件（实测）</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="54"/>
        <source>code (estimate)</source>
        <translation>代码（估计）</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="67"/>
        <source>pool &apos;%1&apos;</source>
        <translation>池 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="76"/>
        <source>I/O buffers</source>
        <translation>输入/输出缓冲区</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="77"/>
        <source>stack</source>
        <translation>栈</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="145"/>
        <source>Estimated instructions for %1%2.</source>
        <translation>%1 的估计指令数%2。</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="146"/>
        <source>a generic Cortex-M core</source>
        <translation>通用 Cortex-M 内核</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="147"/>
        <source>, calibrated on the last profile</source>
        <translation>，已按上次分析校准</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Param bytes</source>
        <translation>参数字节</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Activation bytes</source>
        <translation>激活字节</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Live RAM</source>
        <translation>活动 RAM</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="150"/>
        <source>Est. instructions</source>
        <translation>估计指令数</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="159"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ember::studio::BoardController</name>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="61"/>
        <source>flashed %1: %2</source>
        <translation>已烧录 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="83"/>
        <source>%1 · %2 at %3 MHz%4</source>
        <translation>%1 · %2，%3 MHz%4</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="84"/>
        <source> · emulated in QEMU: counts instructions, needs no hardware</source>
        <translation> · 在 QEMU 中仿真：统计指令数，无需硬件</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="115"/>
        <source>nothing to %1; open a model first</source>
        <translation>没有可%1的内容；请先打开模型</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="119"/>
        <source>a board job is running; wait for it or press Cancel</source>
        <translation>开发板任务正在运行；请等待或按“取消”</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="123"/>
        <source>no board selected; choose one in the toolbar</source>
        <translation>未选择开发板；请在工具栏中选择</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="131"/>
        <source>profile</source>
        <translation>性能分析</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="146"/>
        <source>profiling on %1: %2</source>
        <translation>正在 %1 上进行性能分析：%2</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="148"/>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="155"/>
        <source>flash</source>
        <translation>烧录</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="158"/>
        <source>nothing to flash; compile the model first (Ctrl+B)</source>
        <translation>没有可烧录的内容；请先编译模型（Ctrl+B）</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="168"/>
        <source>flashing %1 to %2</source>
        <translation>正在将 %1 烧录到 %2</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="176"/>
        <source>a profile run of %1 ended after another model was opened; it was not recorded</source>
        <translation>%1 的性能分析运行在打开另一个模型后才结束；未记录</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="186"/>
        <source>outputs bit-exact with the host</source>
        <translation>输出与主机逐位一致</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="187"/>
        <source>outputs DIFFER from the host: %1</source>
        <translation>输出与主机不一致：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="188"/>
        <source>outputs not compared</source>
        <translation>未比较输出</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="190"/>
        <source>profiled on %1: %2 %3 (%4 ms at %5 MHz), %6</source>
        <translation>已在 %1 上完成性能分析：%2 %3（%5 MHz 下 %4 毫秒），%6</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="201"/>
        <source>flash cancelled</source>
        <translation>烧录已取消</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="201"/>
        <source>profile run cancelled</source>
        <translation>性能分析运行已取消</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="206"/>
        <source>flashing %1 failed</source>
        <translation>烧录 %1 失败</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="206"/>
        <source>profiling on %1 failed</source>
        <translation>在 %1 上的性能分析失败</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="241"/>
        <source>&amp;Profile</source>
        <translation>性能分析(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="242"/>
        <source>Compile, build firmware, run it on the selected board and count every layer (Ctrl+R)</source>
        <translation>编译、构建固件、在所选开发板上运行并统计每一层（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="243"/>
        <source>&amp;Flash</source>
        <translation>烧录(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="244"/>
        <source>Build firmware for the last compile and program the selected board (Ctrl+U)</source>
        <translation>为上次编译构建固件并烧录到所选开发板（Ctrl+U）</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="245"/>
        <source>Board:</source>
        <translation>开发板：</translation>
    </message>
</context>
<context>
    <name>ember::studio::BoardJob</name>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="34"/>
        <source>%1 (emulated)</source>
        <translation>%1（仿真）</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="92"/>
        <source>firmware project kept in %1</source>
        <translation>固件工程保留在 %1</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="136"/>
        <source>a board job is already running; wait for it or cancel it</source>
        <translation>已有开发板任务在运行；请等待或取消它</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="157"/>
        <source>cannot create a temporary folder for the firmware: %1</source>
        <translation>无法为固件创建临时文件夹：%1</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="166"/>
        <location filename="../app/model/BoardJob.cpp" line="201"/>
        <source>the board runner is busy; try again when the current job has ended</source>
        <translation>开发板运行器正忙；请在当前任务结束后重试</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="193"/>
        <source>cannot write the firmware project to a temporary folder: %1</source>
        <translation>无法将固件工程写入临时文件夹：%1</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="198"/>
        <source>firmware project: %1</source>
        <translation>固件工程：%1</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="220"/>
        <source>this studio was built without board support (flashers/)</source>
        <translation>此 Studio 构建时未包含开发板支持（flashers/）</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="227"/>
        <source>this studio was built without board support; rebuild with the flashers library</source>
        <translation>此 Studio 构建时未包含开发板支持；请连同 flashers 库重新构建</translation>
    </message>
</context>
<context>
    <name>ember::studio::BuildController</name>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="40"/>
        <source>compile cancelled</source>
        <translation>编译已取消</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="41"/>
        <source>%1 not done: the compile was cancelled</source>
        <translation>未执行%1：编译已取消</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="75"/>
        <source>nothing to compile; open a model first</source>
        <translation>没有可编译的内容；请先打开模型</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="96"/>
        <source>%1 is not supported by this compiler build and was ignored</source>
        <translation>此编译器版本不支持 %1，已忽略</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="100"/>
        <source>compiling: %1</source>
        <translation>正在编译：%1</translation>
    </message>
    <message>
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, code %6</source>
        <translation type="vanished">已编译 %1，用时 %2 ms：%3 个文件，RAM %4，常量 %5，代码 %6</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="147"/>
        <source>compile failed without a diagnostic</source>
        <translation>编译失败，但没有诊断信息</translation>
    </message>
    <message>
        <source>nothing to export; compile the model first</source>
        <translation type="vanished">没有可导出的内容；请先编译模型</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="210"/>
        <source>Export package as archive</source>
        <translation>将代码包导出为归档</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="211"/>
        <source>Tar archive (*.tar)</source>
        <translation>Tar 归档 (*.tar)</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="213"/>
        <source>Export package to folder</source>
        <translation>将代码包导出到文件夹</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="225"/>
        <source>package exported to %1</source>
        <translation>代码包已导出到 %1</translation>
    </message>
    <message>
        <source>nothing to check; compile the model first</source>
        <translation type="vanished">没有可检查的内容；请先编译模型</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="120"/>
        <source>, flash %1 (measured on %2)</source>
        <translation>，闪存 %1（在 %2 上测得）</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="123"/>
        <source>recompiled %1 for the changed options in %2 ms (C source %3)</source>
        <translation>已按更改的选项在 %2 ms 内重新编译 %1（C 源码 %3）</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="126"/>
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, C source %6%7</source>
        <translation>已在 %2 ms 内编译 %1：%3 个文件，RAM %4，常量 %5，C 源码 %6%7</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="150"/>
        <source>%1 not done: the current options do not compile (see above)</source>
        <translation>未执行%1：当前选项无法编译（见上文）</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="182"/>
        <source>nothing to %1; open a model first</source>
        <translation>无法%1；请先打开模型</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="193"/>
        <source>the options changed since the last build; compiling before: %1</source>
        <translation>选项自上次编译后已更改；先编译，然后：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="200"/>
        <source>nothing to export; open a model first</source>
        <translation>没有可导出的内容；请先打开模型</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="221"/>
        <source>export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="233"/>
        <source>check with the host compiler</source>
        <translation>用主机编译器检查</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="242"/>
        <source>cannot write the package to a temporary folder: %1</source>
        <translation>无法将代码包写入临时文件夹：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="255"/>
        <source>the package compiles warning-free with the host compiler</source>
        <translation>代码包可用主机编译器无警告编译</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="256"/>
        <source>the host compiler reported problems (see above)</source>
        <translation>主机编译器报告了问题（见上文）</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="266"/>
        <source>&amp;Compile</source>
        <translation>编译(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="267"/>
        <location filename="../app/studio/BuildController.cpp" line="279"/>
        <source>Plan memory and generate the C package (Ctrl+B)</source>
        <translation>规划内存并生成 C 代码包（Ctrl+B）</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="268"/>
        <source>Export Package to &amp;Folder…</source>
        <translation>导出代码包到文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="269"/>
        <source>Export Package as &amp;Archive…</source>
        <translation>导出代码包为归档(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="270"/>
        <source>Check with &amp;Host Compiler</source>
        <translation>用主机编译器检查(&amp;H)</translation>
    </message>
</context>
<context>
    <name>ember::studio::CapacityBars</name>
    <message>
        <location filename="../views/CapacityBars.cpp" line="53"/>
        <source>Flash</source>
        <translation>闪存</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="53"/>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="75"/>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 / %2 (%3 %)</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="76"/>
        <source>%1 of %2 — does not fit</source>
        <translation>%1 / %2 — 放不下</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="81"/>
        <source>pools whose section is in no region of this board: %1</source>
        <translation>段不在此开发板任何区域中的池：%1</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="93"/>
        <source> (estimate)</source>
        <translation>（估计）</translation>
    </message>
</context>
<context>
    <name>ember::studio::CodeView</name>
    <message>
        <location filename="../views/CodeView.cpp" line="194"/>
        <source>Options changed — this code is from the previous build; recompiling… (if it stays, the options do not compile: see the Options panel, or press Ctrl+B)</source>
        <translation>选项已更改 — 此代码来自上次编译；正在重新编译…（若此提示不消失，说明选项无法编译：见“选项”面板，或按 Ctrl+B）</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="201"/>
        <source>Package</source>
        <translation>代码包</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="201"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="202"/>
        <source>Find in file…</source>
        <translation>在文件中查找…</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="203"/>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="204"/>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="205"/>
        <source>Mark changes</source>
        <translation>标记更改</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="206"/>
        <source>Highlight lines that changed versus the previous build</source>
        <translation>高亮显示相对上次构建有变化的行</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="207"/>
        <source>Compile the model (Build ▸ Compile, Ctrl+B) to see the generated C package.</source>
        <translation>编译模型（构建 ▸ 编译，Ctrl+B）以查看生成的 C 代码包。</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="221"/>
        <source>Go to layer…</source>
        <translation>跳转到层…</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="288"/>
        <source>changed since the previous build</source>
        <translation>自上次构建以来已更改</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="288"/>
        <source>new in this build</source>
        <translation>本次构建新增</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/CodeView.cpp" line="294"/>
        <source>%n file(s) changed since the previous build</source>
        <translation>
            <numerusform>自上次构建以来有 %n 个文件更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/CodeView.cpp" line="295"/>
        <source>%n file(s), %1 of C source</source>
        <translation>
            <numerusform>%n 个文件，%1 C 源码</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 of C</source>
        <translation type="vanished">
            <numerusform>%n 个文件，%1 C 代码</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::CompileJob</name>
    <message>
        <location filename="../app/model/CompileJob.cpp" line="59"/>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
</context>
<context>
    <name>ember::studio::GraphView</name>
    <message>
        <location filename="../views/GraphView.cpp" line="254"/>
        <source>Find layer, op type or tensor…</source>
        <translation>查找层、算子类型或张量…</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="255"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="256"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="257"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="258"/>
        <source>Fit the whole graph into the view</source>
        <translation>将整个图适应到视图</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="259"/>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="261"/>
        <location filename="../views/GraphView.cpp" line="427"/>
        <source>%1 operators · %2 tensors</source>
        <translation>%1 个算子 · %2 个张量</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="263"/>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="326"/>
        <source>Not supported: %1</source>
        <translation>不支持：%1</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="327"/>
        <source>No supported alternative known; see Help ▸ Supported Operators.</source>
        <translation>没有已知的替代算子；见 帮助 ▸ 支持的算子。</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="328"/>
        <source>Supported alternatives: %1</source>
        <translation>支持的替代算子：%1</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="366"/>
        <source>%1 %2 (%3% of the run on %4)</source>
        <translation>%1 %2（占 %4 上运行的 %3%）</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="429"/>
        <source>no match · %1</source>
        <translation>无匹配 · %1</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="442"/>
        <source>match %1 of %2 · %3</source>
        <translation>第 %1 / %2 个匹配 · %3</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="486"/>
        <source>Go to Code</source>
        <translation>转到代码</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="491"/>
        <source>Pin Output to Pool</source>
        <translation>将输出固定到内存池</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="505"/>
        <source>(add a second pool in Options first)</source>
        <translation>（请先在选项中添加第二个内存池）</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="507"/>
        <source>Remove pin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="514"/>
        <source>Copy Name</source>
        <translation>复制名称</translation>
    </message>
</context>
<context>
    <name>ember::studio::HistoryView</name>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <source>Peak RAM</source>
        <translation>RAM 峰值</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <source>Constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="vanished">代码</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <location filename="../views/HistoryView.cpp" line="280"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="113"/>
        <source>Profile runs and flashes (double-click a run to show it in the Profile tab)</source>
        <translation>性能分析运行与烧录（双击某次运行可在“性能分析”标签页中查看）</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="114"/>
        <source>Restore Options</source>
        <translation>恢复选项</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="115"/>
        <source>Put the options of the selected build or run back into the Options panel</source>
        <translation>将所选编译或运行的选项恢复到选项面板</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="116"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="117"/>
        <source>Delete the selected history entries (asks first)</source>
        <translation>删除所选历史记录（会先确认）</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="148"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="148"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="155"/>
        <location filename="../views/HistoryView.cpp" line="181"/>
        <location filename="../views/HistoryView.cpp" line="192"/>
        <source>(defaults)</source>
        <translation>（默认值）</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="172"/>
        <source>flash · %1</source>
        <translation>烧录 · %1</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="176"/>
        <source>flash failed</source>
        <translation>烧录失败</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="176"/>
        <source>run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="278"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="281"/>
        <source>no option changed</source>
        <translation>没有选项更改</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="283"/>
        <source>Sizes</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="285"/>
        <source>pool</source>
        <translation>内存池</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="286"/>
        <source>constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>code</source>
        <translation type="vanished">代码</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="399"/>
        <source>Select two builds to compare them.</source>
        <translation>选择两个构建进行比较。</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <source>Board</source>
        <translation>开发板</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="102"/>
        <source>instructions</source>
        <translation>条指令</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="103"/>
        <source>cycles</source>
        <translation>个周期</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <location filename="../views/HistoryView.cpp" line="287"/>
        <source>C source</source>
        <translation>C 源码</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <location filename="../views/HistoryView.cpp" line="246"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <source>Time at clock</source>
        <translation>按时钟计的时间</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <source>Output check</source>
        <translation>输出校验</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="111"/>
        <source>Every compile and profile run is recorded. Select two builds, or two profile runs, to compare them.</source>
        <translation>每次编译和性能分析运行都会被记录。选择两次构建或两次性能分析运行进行比较。</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="112"/>
        <source>Builds</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Profile runs (double-click to show one in the Profile tab)</source>
        <translation type="vanished">性能分析运行（双击在“性能分析”标签页中显示）</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="186"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="188"/>
        <source>bit-exact</source>
        <translation>逐位一致</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="188"/>
        <source>mismatch</source>
        <translation>不一致</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="188"/>
        <source>not compared</source>
        <translation>未比较</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="239"/>
        <source>Profile %1 → %2</source>
        <translation>性能分析 %1 → %2</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="242"/>
        <source>different boards: %1 → %2</source>
        <translation>不同的开发板：%1 → %2</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="244"/>
        <source>the layers differ; rows pair up by position</source>
        <translation>层不相同；按位置逐行对应</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>Delta</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="302"/>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="302"/>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="303"/>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 行</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="311"/>
        <source>These builds were recorded without their files (older history).</source>
        <translation>这些编译记录未保存其文件（较早的历史）。</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="314"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/HistoryView.cpp" line="314"/>
        <source>(%n unchanged; click a file for its diff)</source>
        <translation>
            <numerusform>（%n 个未更改；点击文件查看差异）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="330"/>
        <source>◂ back to the comparison</source>
        <translation>◂ 返回比较</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="330"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="333"/>
        <source>identical</source>
        <translation>完全相同</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="373"/>
        <source>Delete history entries</source>
        <translation>删除历史记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/HistoryView.cpp" line="374"/>
        <source>Delete %n selected history entries? This cannot be undone; other entries, the project and its options are kept.</source>
        <translation>
            <numerusform>删除所选的 %n 条历史记录？此操作无法撤销；其他记录、项目及其选项将保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="399"/>
        <source>Select two profile runs to compare them.</source>
        <translation>选择两次性能分析运行进行比较。</translation>
    </message>
</context>
<context>
    <name>ember::studio::IdeCommandsDialog</name>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="218"/>
        <source>IDE Commands</source>
        <translation>IDE 命令</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="220"/>
        <source>The command that opens a project folder in each IDE, started without a shell. {dir} is the folder, {project} its CMakeLists.txt (or the folder).</source>
        <translation>在各 IDE 中打开项目文件夹的命令，不经过 shell 启动。{dir} 为文件夹，{project} 为其 CMakeLists.txt（或文件夹）。</translation>
    </message>
</context>
<context>
    <name>ember::studio::IdeController</name>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="72"/>
        <source>the command &apos;%1&apos; has an unbalanced quote</source>
        <translation>命令“%1”的引号不成对</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="77"/>
        <source>the command is empty; set one in Open in IDE ▸ IDE Commands…</source>
        <translation>命令为空；请在“在 IDE 中打开 ▸ IDE 命令…”中设置</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="98"/>
        <source>Export firmware project to folder</source>
        <translation>将固件项目导出到文件夹</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="126"/>
        <source>Choose the project folder</source>
        <translation>选择项目文件夹</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="137"/>
        <source>nothing to export; compile the model first</source>
        <translation>没有可导出的内容；请先编译模型</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="161"/>
        <source>firmware project for %1 exported to %2; build it with cmake, or open it in your IDE (File ▸ Open in IDE)</source>
        <translation>%1 的固件项目已导出到 %2；可用 cmake 编译，或在 IDE 中打开（文件 ▸ 在 IDE 中打开）</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="178"/>
        <source>cannot start %1 (&apos;%2&apos;); install it or change its command in Open in IDE ▸ IDE Commands…</source>
        <translation>无法启动 %1（“%2”）；请安装它，或在“在 IDE 中打开 ▸ IDE 命令…”中修改命令</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="182"/>
        <source>opened %1 in %2</source>
        <translation>已在 %2 中打开 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="190"/>
        <source>no file manager could open %1</source>
        <translation>没有文件管理器能打开 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="198"/>
        <source>Export &amp;Firmware Project…</source>
        <translation>导出固件项目(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="199"/>
        <source>Write a CMake firmware project for the selected board; with Ember installed it recompiles the model on every build</source>
        <translation>为所选开发板生成 CMake 固件项目；安装 Ember 后每次编译都会重新编译模型</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="201"/>
        <source>Open in &amp;IDE</source>
        <translation>在 IDE 中打开(&amp;I)</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="203"/>
        <source>IDE &amp;Commands…</source>
        <translation>IDE 命令(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="204"/>
        <source>&amp;Reveal in File Manager</source>
        <translation>在文件管理器中显示(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="211"/>
        <source>the exported folder (asked for when none is exported yet)</source>
        <translation>已导出的文件夹（尚未导出时会询问）</translation>
    </message>
</context>
<context>
    <name>ember::studio::LayerReportView</name>
    <message>
        <location filename="../views/LayerReportView.cpp" line="58"/>
        <source>Export layer report</source>
        <translation>导出逐层报告</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="60"/>
        <source>layer report written to %1</source>
        <translation>逐层报告已写入 %1</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="61"/>
        <source>cannot write &apos;%1&apos;; check the folder&apos;s permissions</source>
        <translation>无法写入 &apos;%1&apos;；请检查文件夹权限</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="63"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="64"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>Param bytes</source>
        <translation>参数字节</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="77"/>
        <source>Activation bytes</source>
        <translation>激活字节</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="77"/>
        <source>Live RAM</source>
        <translation>活动 RAM</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="77"/>
        <source>Est. instructions</source>
        <translation>估计指令数</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="78"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="79"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/LayerReportView.cpp" line="125"/>
        <source>%n layer(s) · %1 MACs · ≈ %2 instructions on %3%4</source>
        <translation>
            <numerusform>%n 层 · %1 MACs · 在 %3 上约 %2 条指令%4</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="127"/>
        <source>a generic Cortex-M</source>
        <translation>通用 Cortex-M</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="128"/>
        <source> (calibrated on the last profile)</source>
        <translation>（已按上次分析校准）</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="129"/>
        <source> (estimate; a profile on the board calibrates it)</source>
        <translation>（估计；在开发板上分析可校准）</translation>
    </message>
</context>
<context>
    <name>ember::studio::MainWindow</name>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="111"/>
        <source>compile first (Ctrl+B) to see the generated function of this layer</source>
        <translation>请先编译（Ctrl+B）以查看该层生成的函数</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="125"/>
        <source>validate</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="233"/>
        <source>About Ember Studio</source>
        <translation>关于 Ember Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="234"/>
        <source>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;Compiles TFLite models to dependency-free C for microcontrollers.</source>
        <translation>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;将 TFLite 模型编译为适用于微控制器、无依赖的 C 代码。</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="235"/>
        <source>Version %1 (commit %2)</source>
        <translation>版本 %1（提交 %2）</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="367"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="368"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="369"/>
        <source>&amp;Graph</source>
        <translation>图(&amp;G)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="370"/>
        <source>&amp;Memory</source>
        <translation>内存(&amp;M)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="371"/>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="373"/>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="374"/>
        <source>&amp;Fit Graph</source>
        <translation>适应图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="375"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="376"/>
        <source>&amp;About Ember Studio</source>
        <translation>关于 Ember Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="377"/>
        <source>Supported &amp;Operators…</source>
        <translation>支持的算子(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="378"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="379"/>
        <source>&amp;Build</source>
        <translation>构建(&amp;B)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="380"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="381"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="382"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="383"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="384"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="385"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="386"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="387"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="388"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="389"/>
        <source>Graph</source>
        <translation>图</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="390"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="391"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="393"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="394"/>
        <source>Validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="395"/>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="396"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="397"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="398"/>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="462"/>
        <source>no translation for &apos;%1&apos; is built in</source>
        <translation>未内置 &apos;%1&apos; 的翻译</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="484"/>
        <source>%1 — Ember Studio</source>
        <translation>%1 — Ember Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="485"/>
        <source>Ember Studio</source>
        <translation>Ember Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="491"/>
        <source>No model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="496"/>
        <source>%1 · %2 ops · %3 MACs</source>
        <translation>%1 · %2 个算子 · %3 MACs</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="499"/>
        <source>   RAM %1 (lower bound %2)</source>
        <translation>   RAM %1（下界 %2）</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="500"/>
        <source>   planning failed</source>
        <translation>   规划失败</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="372"/>
        <source>&amp;Profile</source>
        <translation>性能分析(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="103"/>
        <source>options restored from the history; compile (Ctrl+B) to build them</source>
        <translation>已从历史恢复选项；按 Ctrl+B 编译</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="392"/>
        <source>Profile</source>
        <translation>性能分析</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="440"/>
        <source>cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryPanel</name>
    <message>
        <location filename="../views/MemoryView.cpp" line="492"/>
        <source>Planner:</source>
        <translation>规划器：</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="493"/>
        <source>Export picture…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="494"/>
        <source>Save the memory view as PNG or SVG</source>
        <translation>将内存视图保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="510"/>
        <source>planning failed (see Messages)</source>
        <translation>规划失败（见消息）</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="511"/>
        <source>planning failed: %1</source>
        <translation>内存规划失败：%1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="516"/>
        <source>Total %1 (%2) · lower bound %3 · %4 buffers</source>
        <translation>总计 %1（%2）· 下界 %3 · %4 个缓冲区</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="533"/>
        <source>Export memory picture</source>
        <translation>导出内存图片</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="534"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="537"/>
        <source>memory picture saved to %1</source>
        <translation>内存图已保存到 %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="538"/>
        <source>cannot write &apos;%1&apos;; choose a writable folder</source>
        <translation>无法写入 &apos;%1&apos;；请选择可写的文件夹</translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryView</name>
    <message>
        <location filename="../views/MemoryView.cpp" line="140"/>
        <source>graph input</source>
        <translation>图输入</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="145"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 bytes (%3)&lt;br&gt;pool &apos;%4&apos;, offset %5 – %6&lt;br&gt;live at steps %7–%8&lt;br&gt;produced by %9%10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 字节（%3）&lt;br&gt;内存池 &apos;%4&apos;，偏移 %5 – %6&lt;br&gt;存活于步骤 %7–%8&lt;br&gt;由 %9 产生%10</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="150"/>
        <source>&lt;br&gt;&lt;i&gt;pinned&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;已固定&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="169"/>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="187"/>
        <location filename="../views/MemoryView.cpp" line="305"/>
        <source>peak %1</source>
        <translation>峰值 %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="188"/>
        <source> of %1</source>
        <translation> / %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="189"/>
        <source>size auto</source>
        <translation>大小自动</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="191"/>
        <source>app-provided</source>
        <translation>由应用提供</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="209"/>
        <source>step →</source>
        <translation>步骤 →</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="213"/>
        <source>execution step (operator index) — a buffer spans the steps it is live</source>
        <translation>执行步骤（算子序号）— 缓冲区覆盖其存活的步骤</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="234"/>
        <source>capacity %1 — %2 short</source>
        <translation>容量 %1 — 缺少 %2</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="247"/>
        <source>No memory plan: %1</source>
        <translation>没有内存规划：%1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="248"/>
        <source>Open a model to see its memory plan.</source>
        <translation>打开模型以查看其内存规划。</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="307"/>
        <source>lower bound %1</source>
        <translation>下界 %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="389"/>
        <source>Pin to pool</source>
        <translation>固定到内存池</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="398"/>
        <source>(add a second pool in Options first)</source>
        <translation>（请先在选项中添加第二个内存池）</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="400"/>
        <source>Remove pin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="402"/>
        <source>Select in graph</source>
        <translation>在图中选择</translation>
    </message>
</context>
<context>
    <name>ember::studio::MessagesPane</name>
    <message>
        <location filename="../views/MessagesPane.cpp" line="70"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../views/MessagesPane.cpp" line="70"/>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../views/MessagesPane.cpp" line="70"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../views/MessagesPane.cpp" line="70"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/MessagesPane.cpp" line="132"/>
        <source>… %n earlier line(s) not shown</source>
        <translation>
            <numerusform>… 未显示之前的 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/MessagesPane.cpp" line="142"/>
        <source>Expand to see the raw tool log.</source>
        <translation>展开以查看工具的原始日志。</translation>
    </message>
</context>
<context>
    <name>ember::studio::OperatorsDialog</name>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="18"/>
        <source>Supported Operators</source>
        <translation>支持的算子</translation>
    </message>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="21"/>
        <source>%1 TFLite operators compile to C with TFLite Micro&apos;s exact arithmetic. A model with any other operator is refused with the operator named.</source>
        <translation>%1 个 TFLite 算子可按 TFLite Micro 的精确算法编译为 C。含其他算子的模型会被拒绝，并指出该算子。</translation>
    </message>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="28"/>
        <source>Filter by operator or type…</source>
        <translation>按算子或类型筛选…</translation>
    </message>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="33"/>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="33"/>
        <source>Types</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>ember::studio::OptionsPanel</name>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="27"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="37"/>
        <source>Unchecked packed calls</source>
        <translation>未检查的打包调用</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="43"/>
        <source>App-provided pools</source>
        <translation>由应用提供的内存池</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="47"/>
        <source>ONNX I/O layout</source>
        <translation>ONNX 输入/输出布局</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="284"/>
        <source>Preset…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="284"/>
        <source>Embedded (C API)</source>
        <translation>嵌入式（C API）</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="284"/>
        <source>Host-driven (packed)</source>
        <translation>主机驱动（packed）</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="286"/>
        <source>Embedded: typed C entrypoint, unpacked operators, static pools — what most firmware wants.
Host-driven: packed entrypoint and operators plus packed wrappers and a function table, so a host can call any layer by name.</source>
        <translation>嵌入式：带类型的 C 入口函数、非打包算子、静态内存池——大多数固件所需。
主机驱动：打包的入口函数和算子，加上打包包装函数和函数表，使主机可以按名称调用任意层。</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="290"/>
        <source>Defaults</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="291"/>
        <source>Reset every option to its default</source>
        <translation>将所有选项重置为默认值</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="292"/>
        <source>Generated API</source>
        <translation>生成的 API</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="293"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="45"/>
        <location filename="../views/OptionsPanel.cpp" line="294"/>
        <source>Pins (tensor → pool)</source>
        <translation>固定（张量 → 内存池）</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="46"/>
        <location filename="../views/OptionsPanel.cpp" line="295"/>
        <source>Dynamic dimensions</source>
        <translation>动态维度</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="44"/>
        <location filename="../views/OptionsPanel.cpp" line="296"/>
        <source>Workspace pools</source>
        <translation>工作区内存池</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="297"/>
        <source>Command line (emberc twin):</source>
        <translation>命令行（对应的 emberc）：</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="298"/>
        <source>Add pool</source>
        <translation>添加内存池</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="299"/>
        <location filename="../views/OptionsPanel.cpp" line="301"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="300"/>
        <source>Add pin</source>
        <translation>添加固定</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="33"/>
        <location filename="../views/OptionsPanel.cpp" line="302"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="302"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="302"/>
        <source>Align</source>
        <translation>对齐</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="302"/>
        <source>Section</source>
        <translation>段</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="303"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="303"/>
        <source>Pool</source>
        <translation>内存池</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="362"/>
        <location filename="../views/OptionsPanel.cpp" line="403"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="34"/>
        <source>Entrypoint API</source>
        <translation>入口 API</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="35"/>
        <source>Operators</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Wrappers</source>
        <translation type="vanished">包装器</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="38"/>
        <source>Target core</source>
        <translation>目标内核</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="49"/>
        <source>In-place memory</source>
        <translation>原地内存</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="49"/>
        <source>Optimize for</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="39"/>
        <source>Planner</source>
        <translation>规划器</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="40"/>
        <source>Alignment</source>
        <translation>对齐</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="41"/>
        <source>Constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="42"/>
        <source>Inputs/outputs</source>
        <translation>输入/输出</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation type="vanished">内存池</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="36"/>
        <source>Packed wrappers</source>
        <translation>打包包装函数</translation>
    </message>
    <message>
        <source>Application-provided</source>
        <translation type="vanished">由应用提供</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="334"/>
        <source>model file name</source>
        <translation>模型文件名</translation>
    </message>
    <message>
        <source>--name: prefix of every generated identifier and file (include/&lt;name&gt;/&lt;name&gt;.h, &lt;name&gt;_run, ...). Default: the model file name, sanitised.</source>
        <translation type="vanished">--name：每个生成的标识符和文件的前缀（include/&lt;name&gt;/&lt;name&gt;.h、&lt;name&gt;_run 等）。默认：经过规整的模型文件名。</translation>
    </message>
    <message>
        <source>--interface-api: &apos;c&apos; generates &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *) with named struct members; &apos;packed&apos; generates one uniform packed-signature entrypoint for module loading.</source>
        <translation type="vanished">--interface-api：&apos;c&apos; 生成带命名结构体成员的 &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *)；&apos;packed&apos; 生成一个统一的打包签名入口函数，用于模块加载。</translation>
    </message>
    <message>
        <source>--operators: &apos;unpacked&apos; makes each layer a static function taking typed data pointers; &apos;packed&apos; gives every layer the same signature with DLTensor-compatible descriptors.</source>
        <translation type="vanished">--operators：&apos;unpacked&apos; 使每一层成为接收带类型数据指针的静态函数；&apos;packed&apos; 使每一层具有相同签名，使用兼容 DLTensor 的描述符。</translation>
    </message>
    <message>
        <source>--packed-wrappers: adds a packed wrapper beside each unpacked function and a name → function table, for host-driven inference and per-layer profiling. Default: off.</source>
        <translation type="vanished">--packed-wrappers：为每个非打包函数添加打包包装函数以及“名称 → 函数”表，用于主机驱动推理和逐层性能分析。默认：关闭。</translation>
    </message>
    <message>
        <source>--target: the core the kernels are written for; DSP/MVE variants use ACLE intrinsics. &apos;generic&apos; is portable C.</source>
        <translation type="vanished">--target：内核所针对的处理器核；DSP/MVE 变体使用 ACLE 内建函数。&apos;generic&apos; 为可移植 C。</translation>
    </message>
    <message>
        <source>--planner: the algorithm that assigns each activation an offset in its pool; changes the pool sizes in the header.</source>
        <translation type="vanished">--planner：为每个激活在其内存池中分配偏移量的算法；会改变头文件中的内存池大小。</translation>
    </message>
    <message>
        <source>--align: alignment of every buffer inside a pool (bytes, power of two).</source>
        <translation type="vanished">--align：内存池中每个缓冲区的对齐（字节，2 的幂）。</translation>
    </message>
    <message>
        <source>--constants: &apos;flash&apos; emits const arrays the linker keeps in flash; &apos;pool&apos; expects the application to provide one constants pool (e.g. copied from external flash).</source>
        <translation type="vanished">--constants：&apos;flash&apos; 生成由链接器放在闪存中的 const 数组；&apos;pool&apos; 要求应用提供一个常量内存池（例如从外部闪存复制）。</translation>
    </message>
    <message>
        <source>--io: &apos;separate&apos; leaves input/output buffers to the application; &apos;workspace&apos; plans them inside the workspace and adds accessors returning the in-workspace pointers.</source>
        <translation type="vanished">--io：&apos;separate&apos; 将输入/输出缓冲区交给应用管理；&apos;workspace&apos; 将其规划在工作区内，并添加返回工作区内指针的访问函数。</translation>
    </message>
    <message>
        <source>--app-pools: the application passes pool base pointers in struct &lt;name&gt;_workspace_pools instead of the generated static arrays. Default: off (static arrays).</source>
        <translation type="vanished">--app-pools：应用通过 struct &lt;name&gt;_workspace_pools 传入内存池基址指针，而不是使用生成的静态数组。默认：关闭（静态数组）。</translation>
    </message>
    <message>
        <source>--pool NAME:SIZE[:section=S][:align=A]: each pool becomes a uint8_t array (or an app-provided pointer). Size 0 = as large as the plan needs; sizes accept K/M suffixes.</source>
        <translation type="vanished">--pool NAME:SIZE[:section=S][:align=A]：每个内存池成为一个 uint8_t 数组（或由应用提供的指针）。大小 0 表示按规划所需；大小可使用 K/M 后缀。</translation>
    </message>
    <message>
        <source>--pin TENSOR=POOL: place an activation in a given pool (e.g. a large buffer in external SRAM). Drag buffers between lanes in the Memory view to pin them.</source>
        <translation type="vanished">--pin TENSOR=POOL：将激活放入指定内存池（例如把大缓冲区放到外部 SRAM）。在内存视图中在通道之间拖动缓冲区即可固定。</translation>
    </message>
    <message>
        <source>--dim TENSOR:AXIS=MIN..MAX, one per line: a dimension that varies at run time; memory is planned for MAX.</source>
        <translation type="vanished">--dim TENSOR:AXIS=MIN..MAX，每行一个：运行时可变的维度；内存按 MAX 规划。</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="351"/>
        <source>%1 is not supported by this compiler build yet.</source>
        <translation>此编译器版本尚不支持 %1。</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProfileView</name>
    <message>
        <location filename="../views/ProfileView.cpp" line="242"/>
        <source>Profiling… %1</source>
        <translation>正在进行性能分析… %1</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="244"/>
        <source>No profile run yet.
Choose a board in the toolbar and press Profile (Ctrl+R): the model is compiled, built into firmware, run on the board and checked against the host.</source>
        <translation>尚无性能分析运行。
在工具栏中选择开发板并按“性能分析”（Ctrl+R）：模型将被编译、构建为固件、在开发板上运行，并与主机结果对照。</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="246"/>
        <source>Open a model, choose a board in the toolbar and press Profile (Ctrl+R).</source>
        <translation>打开模型，在工具栏中选择开发板，然后按“性能分析”（Ctrl+R）。</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="252"/>
        <source>cycles</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="252"/>
        <source>instructions</source>
        <translation>条指令</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="254"/>
        <source>%1 on %2 · %3</source>
        <translation>%1 在 %2 上 · %3</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="258"/>
        <source>Board</source>
        <translation>开发板</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="258"/>
        <source>emulated (QEMU -icount)</source>
        <translation>仿真（QEMU -icount）</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="258"/>
        <source>hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="263"/>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/ProfileView.cpp" line="263"/>
        <source>%1 · %n layer(s)</source>
        <translation>
            <numerusform>%1 · %n 层</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="265"/>
        <source>Time at clock</source>
        <translation>按时钟计的时间</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="265"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="265"/>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="266"/>
        <source>at %1 MHz</source>
        <translation>在 %1 MHz 下</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="266"/>
        <source>at %1 MHz (≈ 1 instr./cycle)</source>
        <translation>在 %1 MHz 下（≈ 每周期 1 条指令）</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="268"/>
        <location filename="../views/ProfileView.cpp" line="270"/>
        <location filename="../views/ProfileView.cpp" line="272"/>
        <source>Output check</source>
        <translation>输出校验</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="268"/>
        <source>✓ bit-exact</source>
        <translation>✓ 逐位一致</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="268"/>
        <source>same bytes as the host run</source>
        <translation>与主机运行的字节完全相同</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="270"/>
        <source>✗ mismatch</source>
        <translation>✗ 不一致</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="272"/>
        <source>not compared</source>
        <translation>未比较</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="272"/>
        <source>no host run</source>
        <translation>无主机运行</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="273"/>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="273"/>
        <source>%1 flash</source>
        <translation>闪存 %1</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="274"/>
        <source>RAM %1 · stack used %2</source>
        <translation>RAM %1 · 已用栈 %2</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="276"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="276"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="276"/>
        <source>Operator</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="276"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="277"/>
        <source>MACs/cycle</source>
        <translation>MAC/周期</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="277"/>
        <source>MACs/instr.</source>
        <translation>MAC/指令</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="301"/>
        <source>%1 %2, %3 MACs</source>
        <translation>%1 %2，%3 次 MAC</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="315"/>
        <source>The whole inference measured %1 %2: the layers plus %3 in the entry function around them. Shares and time are of the whole inference.</source>
        <translation>整个推理测得 %1 %2：各层之和再加上外层入口函数中的 %3。占比和时间均以整个推理计。</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="318"/>
        <source>Shares and time are of the whole inference.</source>
        <translation>占比和时间均以整个推理计。</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="320"/>
        <source>Emulated board: counts are executed instructions (deterministic), not cycles; the time assumes one instruction per cycle.</source>
        <translation>仿真开发板：统计的是已执行指令数（确定性），而不是周期数；时间按每周期一条指令估算。</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProjectController</name>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="29"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Models (*.tflite *.onnx);;All files (*)</source>
        <translation type="vanished">模型 (*.tflite *.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="62"/>
        <source>%1 models (%2)</source>
        <translation>%1 模型 (%2)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="64"/>
        <source>Models (%1)</source>
        <translation>模型 (%1)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="64"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="71"/>
        <source>projects are not saved: %1</source>
        <translation>项目未保存：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="76"/>
        <source>Project database damaged</source>
        <translation>项目数据库已损坏</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="80"/>
        <source>Start a Fresh Database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="81"/>
        <source>Continue Without Saving</source>
        <translation>不保存继续</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="85"/>
        <source>started a fresh project database: %1</source>
        <translation>已新建项目数据库：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="124"/>
        <source>the model file changed since the project was saved; its options were kept, check pins and names</source>
        <translation>自项目保存以来模型文件已更改；选项已保留，请检查固定项和名称</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="200"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="205"/>
        <source>&amp;Open Model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="206"/>
        <source>Open &amp;Example Model</source>
        <translation>打开示例模型(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="207"/>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="208"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProjectStore</name>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="524"/>
        <location filename="../app/model/ProjectStore.cpp" line="527"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="525"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="525"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="533"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="535"/>
        <location filename="../app/model/ProjectStore.cpp" line="541"/>
        <location filename="../app/model/ProjectStore.cpp" line="546"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ember::studio::PropertiesPanel</name>
    <message numerus="yes">
        <location filename="../views/SummaryPanel.cpp" line="152"/>
        <source>%n per-channel scales and zero points (axis %1)</source>
        <translation>
            <numerusform>%n 个逐通道缩放因子和零点（轴 %1）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="155"/>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="155"/>
        <source>scale</source>
        <translation>缩放因子</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="155"/>
        <source>zero point</source>
        <translation>零点</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="170"/>
        <source>pool</source>
        <translation>内存池</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="171"/>
        <source>steps</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="179"/>
        <source>Select a node in the graph to see its attributes, tensors and planned buffers.</source>
        <translation>在图中选择一个节点以查看其属性、张量和规划的缓冲区。</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="183"/>
        <source>constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="188"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="197"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="202"/>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="203"/>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="205"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="207"/>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="209"/>
        <source>Depth multiplier</source>
        <translation>深度乘数</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="210"/>
        <source>Beta</source>
        <translation>Beta 系数</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="211"/>
        <source>Axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="212"/>
        <source>Alpha</source>
        <translation>Alpha 系数</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="213"/>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="228"/>
        <source>MACs</source>
        <translation>MAC 数</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="229"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="229"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="231"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="234"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>ember::studio::Session</name>
    <message>
        <location filename="../app/model/Session.cpp" line="19"/>
        <source>cannot open &apos;%1&apos;: no such file; check the path or pick another model</source>
        <translation>无法打开 &apos;%1&apos;：文件不存在；请检查路径或选择其他模型</translation>
    </message>
    <message>
        <location filename="../app/model/Session.cpp" line="30"/>
        <source>cannot import &apos;%1&apos;; the file is not a supported model</source>
        <translation>无法导入 &apos;%1&apos;；该文件不是受支持的模型</translation>
    </message>
    <message>
        <location filename="../app/model/Session.cpp" line="47"/>
        <source>opened %1 (%2 operators, %3 tensors)</source>
        <translation>已打开 %1（%2 个算子，%3 个张量）</translation>
    </message>
    <message>
        <location filename="../app/model/Session.cpp" line="72"/>
        <source>cannot write the example model to &apos;%1&apos;; check that the folder is writable</source>
        <translation>无法将示例模型写入 &apos;%1&apos;；请检查文件夹是否可写</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/model/Session.cpp" line="288"/>
        <source>cannot compile: %n operator(s) not supported (%1); first: #%2 %3: %4</source>
        <translation>
            <numerusform>无法编译：%n 个算子不受支持（%1）；第一个：#%2 %3：%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::SettingsDialog</name>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="42"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="44"/>
        <source>Host C compiler</source>
        <translation>主机 C 编译器</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="44"/>
        <source>Used by Build ▸ Check with Host Compiler to compile the package warning-free.</source>
        <translation>供“构建 ▸ 用主机编译器检查”使用，以无警告方式编译代码包。</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="45"/>
        <source>arm-none-eabi-gcc</source>
        <translation>arm-none-eabi-gcc</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="45"/>
        <source>Cross compiler for board firmware.</source>
        <translation>用于开发板固件的交叉编译器。</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="46"/>
        <source>OpenOCD</source>
        <translation>OpenOCD</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="46"/>
        <source>Flashes and debugs boards over SWD/JTAG.</source>
        <translation>通过 SWD/JTAG 烧录和调试开发板。</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="47"/>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="47"/>
        <source>qemu-system-arm, runs emulated boards.</source>
        <translation>qemu-system-arm，运行仿真开发板。</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="51"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ember::studio::SummaryPanel</name>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="67"/>
        <source>Open a model (File ▸ Open, drop a .tflite file here, or File ▸ Open Example).</source>
        <translation>打开模型（文件 ▸ 打开，将 .tflite 文件拖到此处，或 文件 ▸ 打开示例模型）。</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="74"/>
        <source>Viewing only — this model cannot be compiled:</source>
        <translation>仅查看 — 此模型无法编译：</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="82"/>
        <source>alternatives: %1</source>
        <translation>替代：%1</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="90"/>
        <source>Operators</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="91"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="92"/>
        <source>Parameter bytes</source>
        <translation>参数字节数</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="93"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="94"/>
        <source>Activation lower bound</source>
        <translation>激活内存下界</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="95"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="97"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="99"/>
        <source>Operators by type</source>
        <translation>按类型统计算子</translation>
    </message>
</context>
<context>
    <name>ember::studio::ToolRunner</name>
    <message>
        <location filename="../app/model/ToolRunner.cpp" line="20"/>
        <source>cannot start &apos;%1&apos;: %2; set its path in Settings</source>
        <translation>无法启动 &apos;%1&apos;：%2；请在设置中指定其路径</translation>
    </message>
</context>
<context>
    <name>ember::studio::ValidationPanel</name>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="116"/>
        <source>Input data</source>
        <translation>输入数据</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="117"/>
        <source>Input data (*.npy *.bin *.raw);;All files (*)</source>
        <translation>输入数据 (*.npy *.bin *.raw);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="121"/>
        <source>Folder of input files</source>
        <translation>输入文件所在文件夹</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="125"/>
        <source>Float reference model</source>
        <translation>浮点参考模型</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="125"/>
        <source>TFLite models (*.tflite)</source>
        <translation>TFLite 模型 (*.tflite)</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="144"/>
        <source>Input data:</source>
        <translation>输入数据：</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="145"/>
        <source>random:SEED (seeded random inputs), a raw file (the inputs&apos; bytes, one or more cases), a folder of such files, or a .npy array (first axis = cases; float data is quantized)</source>
        <translation>random:SEED（带种子的随机输入）、原始文件（输入的字节，一个或多个样本）、此类文件的文件夹，或 .npy 数组（第一维为样本；浮点数据会被量化）</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="147"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="148"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="149"/>
        <source>Cases:</source>
        <translation>样本数：</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="150"/>
        <source>Number of random cases (random:SEED only)</source>
        <translation>随机样本数（仅 random:SEED）</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="151"/>
        <source>Float model:</source>
        <translation>浮点模型：</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="152"/>
        <source>optional: the float .tflite this model was quantized from</source>
        <translation>可选：此模型量化前的浮点 .tflite</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="153"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="154"/>
        <source>Validate</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="155"/>
        <source>Build the current options if needed, run the generated C on the host against the reference executor, and compare with the float model</source>
        <translation>必要时按当前选项编译，在主机上将生成的 C 与参考执行器对比运行，并与浮点模型比较</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="157"/>
        <source>Per layer, this model vs the float model (layers that correspond):</source>
        <translation>逐层：此模型与浮点模型（对应的层）：</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="158"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="158"/>
        <source>Generated C vs reference</source>
        <translation>生成的 C 与参考</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="158"/>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>Max abs error</source>
        <translation>最大绝对误差</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="158"/>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="158"/>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="159"/>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>Cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="159"/>
        <location filename="../views/ValidationPanel.cpp" line="161"/>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="200"/>
        <source>validating…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="201"/>
        <source>validating: %1</source>
        <translation>正在验证：%1</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="213"/>
        <source>validation failed (see Messages)</source>
        <translation>验证失败（见消息）</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/ValidationPanel.cpp" line="221"/>
        <source>MISMATCH (%n byte(s))</source>
        <translation>
            <numerusform>不一致（%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="221"/>
        <source>bit-exact</source>
        <translation>逐位一致</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="231"/>
        <source>%1
float model: %2</source>
        <translation>%1
浮点模型：%2</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="237"/>
        <source>generated C is bit-exact with the reference executor</source>
        <translation>生成的 C 与参考执行器逐位一致</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="238"/>
        <source>generated C DIFFERS from the reference executor</source>
        <translation>生成的 C 与参考执行器不一致</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/ValidationPanel.cpp" line="239"/>
        <source>%n case(s) in %1 ms: %2</source>
        <translation>
            <numerusform>%n 个样本，用时 %1 ms：%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/ValidationPanel.cpp" line="241"/>
        <source>validation: %n case(s), %1</source>
        <translation>
            <numerusform>验证：%n 个样本，%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::WelcomePage</name>
    <message>
        <location filename="../views/WelcomePage.cpp" line="93"/>
        <source>No recent models yet.</source>
        <translation>还没有最近的模型。</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="100"/>
        <source>Welcome to Ember Studio</source>
        <translation>欢迎使用 Ember Studio</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="101"/>
        <source>Compile a TFLite model into dependency-free C for a microcontroller: see its graph and memory plan, tune the options, validate it on the desktop and profile it on a board.</source>
        <translation>将 TFLite 模型编译为无依赖的微控制器 C 代码：查看计算图和内存规划，调整选项，在桌面上验证并在开发板上分析。</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="103"/>
        <source>Open Model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="104"/>
        <source>Recent models (double-click to open)</source>
        <translation>最近的模型（双击打开）</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="105"/>
        <source>Example models</source>
        <translation>示例模型</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="106"/>
        <source>…or drop a .tflite file anywhere on this window</source>
        <translation>…或将 .tflite 文件拖放到此窗口</translation>
    </message>
</context>
</TS>
