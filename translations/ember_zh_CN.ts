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
        <source>Every compile is recorded. Select two builds to compare their options and sizes.</source>
        <translation>每次编译都会被记录。选择两个构建以比较其选项和大小。</translation>
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
        <translation type="unfinished" />
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
</context>
<context>
    <name>ember::studio::MainWindow</name>
    <message>
        <source>projects are not saved: %1</source>
        <translation>项目未保存：%1</translation>
    </message>
    <message>
        <source>compile cancelled</source>
        <translation>编译已取消</translation>
    </message>
    <message>
        <source>compile first (Ctrl+B) to see the generated function of this layer</source>
        <translation>请先编译（Ctrl+B）以查看该层生成的函数</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Models (*.tflite *.onnx);;All files (*)</source>
        <translation>模型 (*.tflite *.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About Ember Studio</source>
        <translation>关于 Ember Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;Compiles TFLite models to dependency-free C for microcontrollers.</source>
        <translation type="unfinished" />
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
        <source>Export Package to &amp;Folder…</source>
        <translation>导出代码包到文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Export Package as &amp;Archive…</source>
        <translation>导出代码包为归档(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
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
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Check with &amp;Host Compiler</source>
        <translation>用主机编译器检查(&amp;H)</translation>
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
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
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
        <source>the model file changed since the project was saved; its options were kept, check pins and names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing to compile; open a model first</source>
        <translation>没有可编译的内容；请先打开模型</translation>
    </message>
    <message>
        <source>%1 is not supported by this compiler build and was ignored</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing to export; compile the model first</source>
        <translation>没有可导出的内容；请先编译模型</translation>
    </message>
    <message>
        <source>Export package as archive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tar archive (*.tar)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export package to folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>package exported to %1</source>
        <translation>代码包已导出到 %1</translation>
    </message>
    <message>
        <source>nothing to check; compile the model first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write the package to a temporary folder: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the package compiles warning-free with the host compiler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the host compiler reported problems (see above)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no translation for '%1' is built in</source>
        <translation type="unfinished" />
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
        <source>(none)</source>
        <translation>（无）</translation>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>memory picture saved to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write '%1'; choose a writable folder</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;pinned&lt;/i&gt;</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>--interface-api: 'c' generates &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *) with named struct members; 'packed' generates one uniform packed-signature entrypoint for module loading.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--operators: 'unpacked' makes each layer a static function taking typed data pointers; 'packed' gives every layer the same signature with DLTensor-compatible descriptors.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--packed-wrappers: adds a packed wrapper beside each unpacked function and a name → function table, for host-driven inference and per-layer profiling. Default: off.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--target: the core the kernels are written for; DSP/MVE variants use ACLE intrinsics. 'generic' is portable C.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--planner: the algorithm that assigns each activation an offset in its pool; changes the pool sizes in the header.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--align: alignment of every buffer inside a pool (bytes, power of two).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--constants: 'flash' emits const arrays the linker keeps in flash; 'pool' expects the application to provide one constants pool (e.g. copied from external flash).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--io: 'separate' leaves input/output buffers to the application; 'workspace' plans them inside the workspace and adds accessors returning the in-workspace pointers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--app-pools: the application passes pool base pointers in struct &lt;name&gt;_workspace_pools instead of the generated static arrays. Default: off (static arrays).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--pool NAME:SIZE[:section=S][:align=A]: each pool becomes a uint8_t array (or an app-provided pointer). Size 0 = as large as the plan needs; sizes accept K/M suffixes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--pin TENSOR=POOL: place an activation in a given pool (e.g. a large buffer in external SRAM). Drag buffers between lanes in the Memory view to pin them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--dim TENSOR:AXIS=MIN..MAX, one per line: a dimension that varies at run time; memory is planned for MAX.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not supported by this compiler build yet.</source>
        <translation>此编译器版本尚不支持 %1。</translation>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>Axis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Alpha</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot import '%1'; the file is not a supported model</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>opened %1 (%2 operators, %3 tensors)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write the example model to '%1'; check that the folder is writable</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>arm-none-eabi-gcc</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cross compiler for board firmware.</source>
        <translation>用于开发板固件的交叉编译器。</translation>
    </message>
    <message>
        <source>OpenOCD</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Flashes and debugs boards over SWD/JTAG.</source>
        <translation>通过 SWD/JTAG 烧录和调试开发板。</translation>
    </message>
    <message>
        <source>QEMU</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
</context>
</TS>
