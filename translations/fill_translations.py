#!/usr/bin/env python3
"""Fills translations/ember_{de,zh_CN}.ts from the table below.

Workflow: run lupdate (see translations/README.md), then this script; entries
not in the table stay unfinished and show in English.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# source: (German, Simplified Chinese)
T = {
    'planning memory': ('Speicher wird geplant', '正在规划内存'),
    'generating C': ('C-Code wird erzeugt', '正在生成 C 代码'),
    'collecting results': ('Ergebnisse werden gesammelt', '正在收集结果'),
    'starting': ('Start', '正在启动'),
    'Package': ('Paket', '代码包'),
    'Size': ('Größe', '大小'),
    'Find in file…': ('In Datei suchen…', '在文件中查找…'),
    'Previous match': ('Vorheriger Treffer', '上一个匹配'),
    'Next match': ('Nächster Treffer', '下一个匹配'),
    'Mark changes': ('Änderungen markieren', '标记更改'),
    'Highlight lines that changed versus the previous build': ('Zeilen hervorheben, die sich seit dem letzten Build geändert haben', '高亮显示相对上次构建有变化的行'),
    'Go to layer…': ('Gehe zu Schicht…', '跳转到层…'),
    'changed since the previous build': ('seit dem letzten Build geändert', '自上次构建以来已更改'),
    'new in this build': ('neu in diesem Build', '本次构建新增'),
    '%n file(s) changed since the previous build': (('%n Datei seit dem letzten Build geändert', '%n Dateien seit dem letzten Build geändert'), ('自上次构建以来有 %n 个文件更改',)),
    '%n file(s), %1 of C': (('%n Datei, %1 C-Code', '%n Dateien, %1 C-Code'), ('%n 个文件，%1 C 代码',)),
    'Find layer, op type or tensor…': ('Schicht, Op-Typ oder Tensor suchen…', '查找层、算子类型或张量…'),
    'Zoom in': ('Vergrößern', '放大'),
    'Zoom out': ('Verkleinern', '缩小'),
    'Fit': ('Einpassen', '适应'),
    'Fit the whole graph into the view': ('Ganzen Graphen einpassen', '将整个图适应到视图'),
    'Actual size': ('Originalgröße', '实际大小'),
    '%1 operators · %2 tensors': ('%1 Operatoren · %2 Tensoren', '%1 个算子 · %2 个张量'),
    'no model': ('kein Modell', '无模型'),
    'Time': ('Zeit', '时间'),
    'Status': ('Status', '状态'),
    'Peak RAM': ('RAM-Spitze', 'RAM 峰值'),
    'Constants': ('Konstanten', '常量'),
    'Code': ('Code', '代码'),
    'Options': ('Optionen', '选项'),
    'ok': ('ok', '成功'),
    'failed': ('fehlgeschlagen', '失败'),
    '(defaults)': ('(Standardwerte)', '（默认值）'),
    'no option changed': ('keine Option geändert', '没有选项更改'),
    'Sizes': ('Größen', '大小'),
    'pool': ('Pool', '内存池'),
    'constants': ('Konstanten', '常量'),
    'code': ('Code', '代码'),
    'Select two builds to compare them.': ('Zwei Builds auswählen, um sie zu vergleichen.', '选择两个构建进行比较。'),
    'Every compile is recorded. Select two builds to compare their options and sizes.': ('Jeder Übersetzungslauf wird aufgezeichnet. Zwei Builds auswählen, um Optionen und Größen zu vergleichen.', '每次编译都会被记录。选择两个构建以比较其选项和大小。'),
    'projects are not saved: %1': ('Projekte werden nicht gespeichert: %1', '项目未保存：%1'),
    'compile cancelled': ('Übersetzung abgebrochen', '编译已取消'),
    'compile first (Ctrl+B) to see the generated function of this layer': ('zuerst übersetzen (Strg+B), um die erzeugte Funktion dieser Schicht zu sehen', '请先编译（Ctrl+B）以查看该层生成的函数'),
    'Open model': ('Modell öffnen', '打开模型'),
    'Models (*.tflite *.onnx);;All files (*)': ('Modelle (*.tflite *.onnx);;Alle Dateien (*)', '模型 (*.tflite *.onnx);;所有文件 (*)'),
    'About Ember Studio': ('Über Ember Studio', '关于 Ember Studio'),
    '&Open Model…': ('Modell ö&ffnen…', '打开模型(&O)…'),
    'Open &Example Model': ('&Beispielmodell öffnen', '打开示例模型(&E)'),
    'Export Package to &Folder…': ('Paket in &Ordner exportieren…', '导出代码包到文件夹(&F)…'),
    'Export Package as &Archive…': ('Paket als &Archiv exportieren…', '导出代码包为归档(&A)…'),
    '&Save Project': ('Projekt &speichern', '保存项目(&S)'),
    '&Quit': ('&Beenden', '退出(&Q)'),
    '&Compile': ('&Übersetzen', '编译(&C)'),
    'Plan memory and generate the C package (Ctrl+B)': ('Speicher planen und C-Paket erzeugen (Strg+B)', '规划内存并生成 C 代码包（Ctrl+B）'),
    'Cancel': ('Abbrechen', '取消'),
    'Check with &Host Compiler': ('Mit &Host-Compiler prüfen', '用主机编译器检查(&H)'),
    '&Graph': ('&Graph', '图(&G)'),
    '&Memory': ('&Speicher', '内存(&M)'),
    '&Code': ('&Code', '代码(&C)'),
    '&History': ('&Verlauf', '历史(&H)'),
    '&Fit Graph': ('Graph &einpassen', '适应图(&F)'),
    '&Settings…': ('&Einstellungen…', '设置(&S)…'),
    '&About Ember Studio': ('Ü&ber Ember Studio', '关于 Ember Studio(&A)'),
    '&File': ('&Datei', '文件(&F)'),
    'Open &Recent': ('&Zuletzt geöffnet', '最近打开(&R)'),
    '&Build': ('&Erstellen', '构建(&B)'),
    '&View': ('&Ansicht', '视图(&V)'),
    '&Settings': ('&Einstellungen', '设置(&S)'),
    '&Language': ('&Sprache', '语言(&L)'),
    '&Help': ('&Hilfe', '帮助(&H)'),
    'Graph': ('Graph', '图'),
    'Memory': ('Speicher', '内存'),
    'History': ('Verlauf', '历史'),
    'Model': ('Modell', '模型'),
    'Messages': ('Meldungen', '消息'),
    'nothing to compile; open a model first': ('nichts zu übersetzen; zuerst ein Modell öffnen', '没有可编译的内容；请先打开模型'),
    'compiling: %1': ('Übersetzung: %1', '正在编译：%1'),
    'compiled %1 in %2 ms: %3 files, RAM %4, constants %5, code %6': ('%1 in %2 ms übersetzt: %3 Dateien, RAM %4, Konstanten %5, Code %6', '已编译 %1，用时 %2 ms：%3 个文件，RAM %4，常量 %5，代码 %6'),
    'nothing to export; compile the model first': ('nichts zu exportieren; zuerst das Modell übersetzen', '没有可导出的内容；请先编译模型'),
    'package exported to %1': ('Paket nach %1 exportiert', '代码包已导出到 %1'),
    '%1 — Ember Studio': ('%1 — Ember Studio', '%1 — Ember Studio'),
    'Ember Studio': ('Ember Studio', 'Ember Studio'),
    'No model': ('Kein Modell', '无模型'),
    '%1 · %2 ops · %3 MACs': ('%1 · %2 Ops · %3 MACs', '%1 · %2 个算子 · %3 MACs'),
    '   RAM %1 (lower bound %2)': ('   RAM %1 (Untergrenze %2)', '   RAM %1（下界 %2）'),
    '   planning failed': ('   Planung fehlgeschlagen', '   规划失败'),
    '(none)': ('(keine)', '（无）'),
    'Planner:': ('Planer:', '规划器：'),
    'Export picture…': ('Bild exportieren…', '导出图片…'),
    'Save the memory view as PNG or SVG': ('Speicheransicht als PNG oder SVG speichern', '将内存视图保存为 PNG 或 SVG'),
    'planning failed (see Messages)': ('Planung fehlgeschlagen (siehe Meldungen)', '规划失败（见消息）'),
    'Total %1 (%2) · lower bound %3 · %4 buffers': ('Gesamt %1 (%2) · Untergrenze %3 · %4 Puffer', '总计 %1（%2）· 下界 %3 · %4 个缓冲区'),
    'Export memory picture': ('Speicherbild exportieren', '导出内存图片'),
    'graph input': ('Graph-Eingang', '图输入'),
    'peak %1': ('Spitze %1', '峰值 %1'),
    ' of %1': (' von %1', ' / %1'),
    'app-provided': ('von der Anwendung', '由应用提供'),
    'Open a model to see its memory plan.': ('Ein Modell öffnen, um seinen Speicherplan zu sehen.', '打开模型以查看其内存规划。'),
    'lower bound %1': ('Untergrenze %1', '下界 %1'),
    'Pin to pool': ('An Pool binden', '固定到内存池'),
    '(add a second pool in Options first)': ('(zuerst einen zweiten Pool in den Optionen anlegen)', '（请先在选项中添加第二个内存池）'),
    'Remove pin': ('Bindung entfernen', '取消固定'),
    'Select in graph': ('Im Graphen auswählen', '在图中选择'),
    'Operator': ('Operator', '算子'),
    'Tensor': ('Tensor', '张量'),
    'Message': ('Meldung', '消息'),
    '(default)': ('(Standard)', '（默认）'),
    'Preset…': ('Vorlage…', '预设…'),
    'Embedded (C API)': ('Eingebettet (C-API)', '嵌入式（C API）'),
    'Host-driven (packed)': ('Host-gesteuert (packed)', '主机驱动（packed）'),
    'Defaults': ('Standard', '默认'),
    'Reset every option to its default': ('Alle Optionen auf Standardwerte zurücksetzen', '将所有选项重置为默认值'),
    'Generated API': ('Erzeugte API', '生成的 API'),
    'Pins (tensor → pool)': ('Bindungen (Tensor → Pool)', '固定（张量 → 内存池）'),
    'Dynamic dimensions': ('Dynamische Dimensionen', '动态维度'),
    'Workspace pools': ('Arbeitsspeicher-Pools', '工作区内存池'),
    'Command line (emberc twin):': ('Kommandozeile (emberc-Gegenstück):', '命令行（对应的 emberc）：'),
    'Add pool': ('Pool hinzufügen', '添加内存池'),
    'Remove': ('Entfernen', '移除'),
    'Add pin': ('Bindung hinzufügen', '添加固定'),
    'Name': ('Name', '名称'),
    'Align': ('Ausr.', '对齐'),
    'Section': ('Sektion', '段'),
    'Pool': ('Pool', '内存池'),
    'Entrypoint API': ('Einstiegs-API', '入口 API'),
    'Operators': ('Operatoren', '算子'),
    'Wrappers': ('Wrapper', '包装器'),
    'Target core': ('Zielkern', '目标内核'),
    'Planner': ('Planer', '规划器'),
    'Alignment': ('Ausrichtung', '对齐'),
    'Inputs/outputs': ('Ein-/Ausgänge', '输入/输出'),
    'Pools': ('Pools', '内存池'),
    'Packed wrappers': ('Packed-Wrapper', 'Packed 包装器'),
    'Application-provided': ('Von der Anwendung', '由应用提供'),
    'model file name': ('Modelldateiname', '模型文件名'),
    '%1 is not supported by this compiler build yet.': ('%1 wird von diesem Compiler noch nicht unterstützt.', '此编译器版本尚不支持 %1。'),
    'steps': ('Schritte', '步'),
    'constant': ('Konstante', '常量'),
    'Layer': ('Schicht', '层'),
    'Padding': ('Auffüllung', '填充'),
    'Stride': ('Schrittweite', '步长'),
    'Window': ('Fenster', '窗口'),
    'Dilation': ('Dilatation', '膨胀'),
    'Depth multiplier': ('Tiefenmultiplikator', '深度乘数'),
    'Activation': ('Aktivierung', '激活'),
    'Inputs': ('Eingänge', '输入'),
    'Outputs': ('Ausgänge', '输出'),
    'Settings': ('Einstellungen', '设置'),
    'Host C compiler': ('Host-C-Compiler', '主机 C 编译器'),
    'Cross compiler for board firmware.': ('Cross-Compiler für Board-Firmware.', '用于开发板固件的交叉编译器。'),
    'Flashes and debugs boards over SWD/JTAG.': ('Flasht und debuggt Boards über SWD/JTAG.', '通过 SWD/JTAG 烧录和调试开发板。'),
    'qemu-system-arm, runs emulated boards.': ('qemu-system-arm, führt emulierte Boards aus.', 'qemu-system-arm，运行仿真开发板。'),
    'Language': ('Sprache', '语言'),
    'Parameters': ('Parameter', '参数'),
    'Parameter bytes': ('Parameter-Bytes', '参数字节数'),
    'MACs': ('MACs', 'MACs'),
    'Activation lower bound': ('Untergrenze Aktivierungen', '激活内存下界'),
    'Operators by type': ('Operatoren nach Typ', '按类型统计算子'),
    'Select a node in the graph to see its attributes, tensors and planned buffers.': ('Einen Knoten im Graphen auswählen, um Attribute, Tensoren und geplante Puffer zu sehen.', '在图中选择一个节点以查看其属性、张量和规划的缓冲区。'),
    'Open a model (File ▸ Open, drop a .tflite file here, or File ▸ Open Example).': ('Ein Modell öffnen (Datei ▸ Öffnen, eine .tflite-Datei hierher ziehen oder Datei ▸ Beispielmodell).', '打开模型（文件 ▸ 打开，将 .tflite 文件拖到此处，或 文件 ▸ 打开示例模型）。'),
    'Compile the model (Build ▸ Compile, Ctrl+B) to see the generated C package.': ('Modell übersetzen (Erstellen ▸ Übersetzen, Strg+B), um das erzeugte C-Paket zu sehen.', '编译模型（构建 ▸ 编译，Ctrl+B）以查看生成的 C 代码包。'),
}


def fill(path: Path, idx: int):
    tree = ET.parse(path)
    done = 0
    for msg in tree.getroot().iter('message'):
        src = msg.find('source').text
        tr = msg.find('translation')
        if src not in T:
            continue
        val = T[src][idx]
        for k in list(tr):
            tr.remove(k)
        tr.attrib.pop('type', None)
        if msg.get('numerus') == 'yes':
            tr.text = None
            for form in val:
                ET.SubElement(tr, 'numerusform').text = form
        else:
            tr.text = val
        done += 1
    tree.write(path, encoding='utf-8', xml_declaration=True)
    with open(path, encoding='utf-8') as f:
        body = f.read()
    body = body.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(body + ('' if body.endswith('\n') else '\n'))
    print(f'{path.name}: {done} translated')


if __name__ == '__main__':
    here = Path(__file__).resolve().parent
    fill(here / 'ember_de.ts', 0)
    fill(here / 'ember_zh_CN.ts', 1)
