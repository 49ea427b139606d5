<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CompileJob</name>
    <message>
        <source>planning memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generating C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collecting results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::CodeView</name>
    <message>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight lines that changed versus the previous build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compile the model (Build ▸ Compile, Ctrl+B) to see the generated C package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to layer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed since the previous build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed since the previous build</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 of C</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::CompileJob</name>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::GraphView</name>
    <message>
        <source>Find layer, op type or tensor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole graph into the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 operators · %2 tensors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::HistoryView</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every compile is recorded. Select two builds to compare their options and sizes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(defaults)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no option changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two builds to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::MainWindow</name>
    <message>
        <source>projects are not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compile cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compile first (Ctrl+B) to see the generated function of this layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models (*.tflite *.onnx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Ember Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;Compiles TFLite models to dependency-free C for microcontrollers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Example Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Package to &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Package as &amp;Archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan memory and generate the C package (Ctrl+B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check with &amp;Host Compiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Ember Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the model file changed since the project was saved; its options were kept, check pins and names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to compile; open a model first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not supported by this compiler build and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compiling: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, code %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compile failed without a diagnostic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to export; compile the model first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export package as archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tar archive (*.tar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export package to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to check; compile the model first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the package to a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package compiles warning-free with the host compiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host compiler reported problems (see above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no translation for &apos;%1&apos; is built in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Ember Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ember Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 ops · %3 MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   RAM %1 (lower bound %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   planning failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryPanel</name>
    <message>
        <source>Planner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the memory view as PNG or SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planning failed (see Messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 (%2) · lower bound %3 · %4 buffers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export memory picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory picture saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;; choose a writable folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryView</name>
    <message>
        <source>graph input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 bytes (%3)&lt;br&gt;pool &apos;%4&apos;, offset %5 – %6&lt;br&gt;live at steps %7–%8&lt;br&gt;produced by %9%10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;pinned&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app-provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No memory plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a model to see its memory plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lower bound %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin to pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(add a second pool in Options first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select in graph</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::MessagesPane</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::OptionsPanel</name>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded (C API)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host-driven (packed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded: typed C entrypoint, unpacked operators, static pools — what most firmware wants.
Host-driven: packed entrypoint and operators plus packed wrappers and a function table, so a host can call any layer by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset every option to its default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pins (tensor → pool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic dimensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line (emberc twin):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Align</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrappers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs/outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packed wrappers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application-provided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name: prefix of every generated identifier and file (include/&lt;name&gt;/&lt;name&gt;.h, &lt;name&gt;_run, ...). Default: the model file name, sanitised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--interface-api: &apos;c&apos; generates &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *) with named struct members; &apos;packed&apos; generates one uniform packed-signature entrypoint for module loading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--operators: &apos;unpacked&apos; makes each layer a static function taking typed data pointers; &apos;packed&apos; gives every layer the same signature with DLTensor-compatible descriptors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--packed-wrappers: adds a packed wrapper beside each unpacked function and a name → function table, for host-driven inference and per-layer profiling. Default: off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--target: the core the kernels are written for; DSP/MVE variants use ACLE intrinsics. &apos;generic&apos; is portable C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--planner: the algorithm that assigns each activation an offset in its pool; changes the pool sizes in the header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--align: alignment of every buffer inside a pool (bytes, power of two).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--constants: &apos;flash&apos; emits const arrays the linker keeps in flash; &apos;pool&apos; expects the application to provide one constants pool (e.g. copied from external flash).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--io: &apos;separate&apos; leaves input/output buffers to the application; &apos;workspace&apos; plans them inside the workspace and adds accessors returning the in-workspace pointers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--app-pools: the application passes pool base pointers in struct &lt;name&gt;_workspace_pools instead of the generated static arrays. Default: off (static arrays).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pool NAME:SIZE[:section=S][:align=A]: each pool becomes a uint8_t array (or an app-provided pointer). Size 0 = as large as the plan needs; sizes accept K/M suffixes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pin TENSOR=POOL: place an activation in a given pool (e.g. a large buffer in external SRAM). Drag buffers between lanes in the Memory view to pin them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--dim TENSOR:AXIS=MIN..MAX, one per line: a dimension that varies at run time; memory is planned for MAX.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not supported by this compiler build yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::PropertiesPanel</name>
    <message>
        <source>pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a node in the graph to see its attributes, tensors and planned buffers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth multiplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::Session</name>
    <message>
        <source>cannot open &apos;%1&apos;: no such file; check the path or pick another model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot import &apos;%1&apos;; the file is not a supported model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened %1 (%2 operators, %3 tensors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the example model to &apos;%1&apos;; check that the folder is writable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host C compiler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by Build ▸ Check with Host Compiler to compile the package warning-free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arm-none-eabi-gcc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross compiler for board firmware.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenOCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flashes and debugs boards over SWD/JTAG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QEMU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>qemu-system-arm, runs emulated boards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::SummaryPanel</name>
    <message>
        <source>Open a model (File ▸ Open, drop a .tflite file here, or File ▸ Open Example).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation lower bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators by type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ember::studio::ToolRunner</name>
    <message>
        <source>cannot start &apos;%1&apos;: %2; set its path in Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
