<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CompileJob</name>
    <message>
        <source>planning memory</source>
        <translation>Speicher wird geplant</translation>
    </message>
    <message>
        <source>generating C</source>
        <translation>C-Code wird erzeugt</translation>
    </message>
    <message>
        <source>collecting results</source>
        <translation>Ergebnisse werden gesammelt</translation>
    </message>
</context>
<context>
    <name>ember::studio::BoardController</name>
    <message>
        <source>flashed %1: %2</source>
        <translation>%1 geflasht: %2</translation>
    </message>
    <message>
        <source>%1 · %2 at %3 MHz%4</source>
        <translation>%1 · %2 mit %3 MHz%4</translation>
    </message>
    <message>
        <source> · emulated in QEMU: counts instructions, needs no hardware</source>
        <translation> · in QEMU emuliert: zählt Instruktionen, braucht keine Hardware</translation>
    </message>
    <message>
        <source>nothing to %1; open a model first</source>
        <translation>nichts zum %1; zuerst ein Modell öffnen</translation>
    </message>
    <message>
        <source>a board job is running; wait for it or press Cancel</source>
        <translation>ein Board-Auftrag läuft; warten oder Abbrechen drücken</translation>
    </message>
    <message>
        <source>no board selected; choose one in the toolbar</source>
        <translation>kein Board gewählt; eines in der Werkzeugleiste auswählen</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>Profilieren</translation>
    </message>
    <message>
        <source>profiling on %1: %2</source>
        <translation>Profiling auf %1: %2</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>flash</source>
        <translation>Flashen</translation>
    </message>
    <message>
        <source>nothing to flash; compile the model first (Ctrl+B)</source>
        <translation>nichts zu flashen; zuerst das Modell kompilieren (Strg+B)</translation>
    </message>
    <message>
        <source>flashing %1 to %2</source>
        <translation>%1 wird auf %2 geflasht</translation>
    </message>
    <message>
        <source>a profile run of %1 ended after another model was opened; it was not recorded</source>
        <translation>ein Profiling-Lauf von %1 endete, nachdem ein anderes Modell geöffnet wurde; er wurde nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>outputs bit-exact with the host</source>
        <translation>Ausgaben bitgenau wie auf dem Host</translation>
    </message>
    <message>
        <source>outputs DIFFER from the host: %1</source>
        <translation>Ausgaben WEICHEN vom Host AB: %1</translation>
    </message>
    <message>
        <source>outputs not compared</source>
        <translation>Ausgaben nicht verglichen</translation>
    </message>
    <message>
        <source>profiled on %1: %2 %3 (%4 ms at %5 MHz), %6</source>
        <translation>auf %1 profiliert: %2 %3 (%4 ms bei %5 MHz), %6</translation>
    </message>
    <message>
        <source>flash cancelled</source>
        <translation>Flashen abgebrochen</translation>
    </message>
    <message>
        <source>profile run cancelled</source>
        <translation>Profiling-Lauf abgebrochen</translation>
    </message>
    <message>
        <source>flashing %1 failed</source>
        <translation>Flashen von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>profiling on %1 failed</source>
        <translation>Profiling auf %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profilieren</translation>
    </message>
    <message>
        <source>Compile, build firmware, run it on the selected board and count every layer (Ctrl+R)</source>
        <translation>Kompilieren, Firmware bauen, auf dem gewählten Board ausführen und jede Schicht zählen (Strg+R)</translation>
    </message>
    <message>
        <source>&amp;Flash</source>
        <translation>&amp;Flashen</translation>
    </message>
    <message>
        <source>Build firmware for the last compile and program the selected board (Ctrl+U)</source>
        <translation>Firmware für den letzten Build erzeugen und das gewählte Board programmieren (Strg+U)</translation>
    </message>
    <message>
        <source>Board:</source>
        <translation>Board:</translation>
    </message>
</context>
<context>
    <name>ember::studio::BoardJob</name>
    <message>
        <source>%1 (emulated)</source>
        <translation>%1 (emuliert)</translation>
    </message>
    <message>
        <source>firmware project kept in %1</source>
        <translation>Firmware-Projekt in %1 aufbewahrt</translation>
    </message>
    <message>
        <source>a board job is already running; wait for it or cancel it</source>
        <translation>ein Board-Auftrag läuft bereits; warten Sie oder brechen Sie ihn ab</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the firmware: %1</source>
        <translation>temporärer Ordner für die Firmware kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>the board runner is busy; try again when the current job has ended</source>
        <translation>der Board-Runner ist beschäftigt; erneut versuchen, wenn der aktuelle Auftrag beendet ist</translation>
    </message>
    <message>
        <source>cannot write the firmware project to a temporary folder: %1</source>
        <translation>Firmware-Projekt kann nicht in einen temporären Ordner geschrieben werden: %1</translation>
    </message>
    <message>
        <source>firmware project: %1</source>
        <translation>Firmware-Projekt: %1</translation>
    </message>
    <message>
        <source>this studio was built without board support (flashers/)</source>
        <translation>dieses Studio wurde ohne Board-Unterstützung gebaut (flashers/)</translation>
    </message>
    <message>
        <source>this studio was built without board support; rebuild with the flashers library</source>
        <translation>dieses Studio wurde ohne Board-Unterstützung gebaut; mit der flashers-Bibliothek neu bauen</translation>
    </message>
</context>
<context>
    <name>ember::studio::BuildController</name>
    <message>
        <source>compile cancelled</source>
        <translation>Übersetzung abgebrochen</translation>
    </message>
    <message>
        <source>nothing to compile; open a model first</source>
        <translation>nichts zu übersetzen; zuerst ein Modell öffnen</translation>
    </message>
    <message>
        <source>%1 is not supported by this compiler build and was ignored</source>
        <translation>%1 wird von diesem Compiler-Build nicht unterstützt und wurde ignoriert</translation>
    </message>
    <message>
        <source>compiling: %1</source>
        <translation>Übersetzung: %1</translation>
    </message>
    <message>
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, code %6</source>
        <translation>%1 in %2 ms übersetzt: %3 Dateien, RAM %4, Konstanten %5, Code %6</translation>
    </message>
    <message>
        <source>compile failed without a diagnostic</source>
        <translation>Kompilierung ohne Diagnose fehlgeschlagen</translation>
    </message>
    <message>
        <source>nothing to export; compile the model first</source>
        <translation>nichts zu exportieren; zuerst das Modell übersetzen</translation>
    </message>
    <message>
        <source>Export package as archive</source>
        <translation>Paket als Archiv exportieren</translation>
    </message>
    <message>
        <source>Tar archive (*.tar)</source>
        <translation>Tar-Archiv (*.tar)</translation>
    </message>
    <message>
        <source>Export package to folder</source>
        <translation>Paket in Ordner exportieren</translation>
    </message>
    <message>
        <source>package exported to %1</source>
        <translation>Paket nach %1 exportiert</translation>
    </message>
    <message>
        <source>nothing to check; compile the model first</source>
        <translation>nichts zu prüfen; zuerst das Modell kompilieren</translation>
    </message>
    <message>
        <source>cannot write the package to a temporary folder: %1</source>
        <translation>Paket kann nicht in einen temporären Ordner geschrieben werden: %1</translation>
    </message>
    <message>
        <source>the package compiles warning-free with the host compiler</source>
        <translation>das Paket kompiliert mit dem Host-Compiler ohne Warnungen</translation>
    </message>
    <message>
        <source>the host compiler reported problems (see above)</source>
        <translation>der Host-Compiler hat Probleme gemeldet (siehe oben)</translation>
    </message>
    <message>
        <source>&amp;Compile</source>
        <translation>&amp;Übersetzen</translation>
    </message>
    <message>
        <source>Plan memory and generate the C package (Ctrl+B)</source>
        <translation>Speicher planen und C-Paket erzeugen (Strg+B)</translation>
    </message>
    <message>
        <source>Export Package to &amp;Folder…</source>
        <translation>Paket in &amp;Ordner exportieren…</translation>
    </message>
    <message>
        <source>Export Package as &amp;Archive…</source>
        <translation>Paket als &amp;Archiv exportieren…</translation>
    </message>
    <message>
        <source>Check with &amp;Host Compiler</source>
        <translation>Mit &amp;Host-Compiler prüfen</translation>
    </message>
</context>
<context>
    <name>ember::studio::CodeView</name>
    <message>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Find in file…</source>
        <translation>In Datei suchen…</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Mark changes</source>
        <translation>Änderungen markieren</translation>
    </message>
    <message>
        <source>Highlight lines that changed versus the previous build</source>
        <translation>Zeilen hervorheben, die sich seit dem letzten Build geändert haben</translation>
    </message>
    <message>
        <source>Compile the model (Build ▸ Compile, Ctrl+B) to see the generated C package.</source>
        <translation>Modell übersetzen (Erstellen ▸ Übersetzen, Strg+B), um das erzeugte C-Paket zu sehen.</translation>
    </message>
    <message>
        <source>Go to layer…</source>
        <translation>Gehe zu Schicht…</translation>
    </message>
    <message>
        <source>changed since the previous build</source>
        <translation>seit dem letzten Build geändert</translation>
    </message>
    <message>
        <source>new in this build</source>
        <translation>neu in diesem Build</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed since the previous build</source>
        <translation><numerusform>%n Datei seit dem letzten Build geändert</numerusform><numerusform>%n Dateien seit dem letzten Build geändert</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 of C</source>
        <translation><numerusform>%n Datei, %1 C-Code</numerusform><numerusform>%n Dateien, %1 C-Code</numerusform></translation>
    </message>
</context>
<context>
    <name>ember::studio::CompileJob</name>
    <message>
        <source>starting</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>ember::studio::GraphView</name>
    <message>
        <source>Find layer, op type or tensor…</source>
        <translation>Schicht, Op-Typ oder Tensor suchen…</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fit the whole graph into the view</source>
        <translation>Ganzen Graphen einpassen</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>%1 operators · %2 tensors</source>
        <translation>%1 Operatoren · %2 Tensoren</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <source>%1 %2 (%3% of the run on %4)</source>
        <translation>%1 %2 (%3 % des Laufs auf %4)</translation>
    </message>
</context>
<context>
    <name>ember::studio::HistoryView</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Peak RAM</source>
        <translation>RAM-Spitze</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>(defaults)</source>
        <translation>(Standardwerte)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>no option changed</source>
        <translation>keine Option geändert</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Größen</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Select two builds to compare them.</source>
        <translation>Zwei Builds auswählen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Time at clock</source>
        <translation>Zeit bei Taktfrequenz</translation>
    </message>
    <message>
        <source>Output check</source>
        <translation>Ausgabeprüfung</translation>
    </message>
    <message>
        <source>Every compile and profile run is recorded. Select two builds, or two profile runs, to compare them.</source>
        <translation>Jeder Build und jeder Profiling-Lauf wird aufgezeichnet. Zwei Builds oder zwei Profiling-Läufe auswählen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <source>Profile runs (double-click to show one in the Profile tab)</source>
        <translation>Profiling-Läufe (Doppelklick zeigt einen im Reiter Profil)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>bit-exact</source>
        <translation>bitgenau</translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message>
        <source>Profile %1 → %2</source>
        <translation>Profil %1 → %2</translation>
    </message>
    <message>
        <source>different boards: %1 → %2</source>
        <translation>verschiedene Boards: %1 → %2</translation>
    </message>
    <message>
        <source>the layers differ; rows pair up by position</source>
        <translation>die Schichten unterscheiden sich; Zeilen werden nach Position gepaart</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Delta</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Select two profile runs to compare them.</source>
        <translation>Zwei Profiling-Läufe auswählen, um sie zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>ember::studio::MainWindow</name>
    <message>
        <source>compile first (Ctrl+B) to see the generated function of this layer</source>
        <translation>zuerst übersetzen (Strg+B), um die erzeugte Funktion dieser Schicht zu sehen</translation>
    </message>
    <message>
        <source>About Ember Studio</source>
        <translation>Über Ember Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;Compiles TFLite models to dependency-free C for microcontrollers.</source>
        <translation>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;Übersetzt TFLite-Modelle in abhängigkeitsfreies C für Mikrocontroller.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation>&amp;Speicher</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>Graph &amp;einpassen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About Ember Studio</source>
        <translation>Ü&amp;ber Ember Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>no translation for '%1' is built in</source>
        <translation>für '%1' ist keine Übersetzung eingebaut</translation>
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
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>%1 · %2 ops · %3 MACs</source>
        <translation>%1 · %2 Ops · %3 MACs</translation>
    </message>
    <message>
        <source>   RAM %1 (lower bound %2)</source>
        <translation>   RAM %1 (Untergrenze %2)</translation>
    </message>
    <message>
        <source>   planning failed</source>
        <translation>   Planung fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profilieren</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryPanel</name>
    <message>
        <source>Planner:</source>
        <translation>Planer:</translation>
    </message>
    <message>
        <source>Export picture…</source>
        <translation>Bild exportieren…</translation>
    </message>
    <message>
        <source>Save the memory view as PNG or SVG</source>
        <translation>Speicheransicht als PNG oder SVG speichern</translation>
    </message>
    <message>
        <source>planning failed (see Messages)</source>
        <translation>Planung fehlgeschlagen (siehe Meldungen)</translation>
    </message>
    <message>
        <source>Total %1 (%2) · lower bound %3 · %4 buffers</source>
        <translation>Gesamt %1 (%2) · Untergrenze %3 · %4 Puffer</translation>
    </message>
    <message>
        <source>Export memory picture</source>
        <translation>Speicherbild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>memory picture saved to %1</source>
        <translation>Speicherbild unter %1 gespeichert</translation>
    </message>
    <message>
        <source>cannot write '%1'; choose a writable folder</source>
        <translation>'%1' kann nicht geschrieben werden; einen beschreibbaren Ordner wählen</translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryView</name>
    <message>
        <source>graph input</source>
        <translation>Graph-Eingang</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 bytes (%3)&lt;br&gt;pool '%4', offset %5 – %6&lt;br&gt;live at steps %7–%8&lt;br&gt;produced by %9%10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 Bytes (%3)&lt;br&gt;Pool '%4', Offset %5 – %6&lt;br&gt;lebendig in Schritten %7–%8&lt;br&gt;erzeugt von %9%10</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;pinned&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;angeheftet&lt;/i&gt;</translation>
    </message>
    <message>
        <source>peak %1</source>
        <translation>Spitze %1</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source>app-provided</source>
        <translation>von der Anwendung</translation>
    </message>
    <message>
        <source>No memory plan: %1</source>
        <translation>Kein Speicherplan: %1</translation>
    </message>
    <message>
        <source>Open a model to see its memory plan.</source>
        <translation>Ein Modell öffnen, um seinen Speicherplan zu sehen.</translation>
    </message>
    <message>
        <source>lower bound %1</source>
        <translation>Untergrenze %1</translation>
    </message>
    <message>
        <source>Pin to pool</source>
        <translation>An Pool binden</translation>
    </message>
    <message>
        <source>(add a second pool in Options first)</source>
        <translation>(zuerst einen zweiten Pool in den Optionen anlegen)</translation>
    </message>
    <message>
        <source>Remove pin</source>
        <translation>Bindung entfernen</translation>
    </message>
    <message>
        <source>Select in graph</source>
        <translation>Im Graphen auswählen</translation>
    </message>
</context>
<context>
    <name>ember::studio::MessagesPane</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message numerus="yes">
        <source>… %n earlier line(s) not shown</source>
        <translation><numerusform>… %n frühere Zeile nicht angezeigt</numerusform><numerusform>… %n frühere Zeilen nicht angezeigt</numerusform></translation>
    </message>
    <message>
        <source>Expand to see the raw tool log.</source>
        <translation>Aufklappen, um das Roh-Log des Werkzeugs zu sehen.</translation>
    </message>
</context>
<context>
    <name>ember::studio::OptionsPanel</name>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Preset…</source>
        <translation>Vorlage…</translation>
    </message>
    <message>
        <source>Embedded (C API)</source>
        <translation>Eingebettet (C-API)</translation>
    </message>
    <message>
        <source>Host-driven (packed)</source>
        <translation>Host-gesteuert (packed)</translation>
    </message>
    <message>
        <source>Embedded: typed C entrypoint, unpacked operators, static pools — what most firmware wants.
Host-driven: packed entrypoint and operators plus packed wrappers and a function table, so a host can call any layer by name.</source>
        <translation>Eingebettet: typisierter C-Einstiegspunkt, entpackte Operatoren, statische Pools — was die meiste Firmware braucht.
Host-gesteuert: gepackter Einstiegspunkt und Operatoren plus gepackte Wrapper und eine Funktionstabelle, damit ein Host jede Schicht per Name aufrufen kann.</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Reset every option to its default</source>
        <translation>Alle Optionen auf Standardwerte zurücksetzen</translation>
    </message>
    <message>
        <source>Generated API</source>
        <translation>Erzeugte API</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Pins (tensor → pool)</source>
        <translation>Bindungen (Tensor → Pool)</translation>
    </message>
    <message>
        <source>Dynamic dimensions</source>
        <translation>Dynamische Dimensionen</translation>
    </message>
    <message>
        <source>Workspace pools</source>
        <translation>Arbeitsspeicher-Pools</translation>
    </message>
    <message>
        <source>Command line (emberc twin):</source>
        <translation>Kommandozeile (emberc-Gegenstück):</translation>
    </message>
    <message>
        <source>Add pool</source>
        <translation>Pool hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add pin</source>
        <translation>Bindung hinzufügen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Align</source>
        <translation>Ausr.</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Sektion</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>Entrypoint API</source>
        <translation>Einstiegs-API</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <source>Wrappers</source>
        <translation>Wrapper</translation>
    </message>
    <message>
        <source>Target core</source>
        <translation>Zielkern</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <source>Inputs/outputs</source>
        <translation>Ein-/Ausgänge</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <source>Packed wrappers</source>
        <translation>Packed-Wrapper</translation>
    </message>
    <message>
        <source>Application-provided</source>
        <translation>Von der Anwendung</translation>
    </message>
    <message>
        <source>model file name</source>
        <translation>Modelldateiname</translation>
    </message>
    <message>
        <source>--name: prefix of every generated identifier and file (include/&lt;name&gt;/&lt;name&gt;.h, &lt;name&gt;_run, ...). Default: the model file name, sanitised.</source>
        <translation>--name: Präfix jedes erzeugten Bezeichners und jeder Datei (include/&lt;name&gt;/&lt;name&gt;.h, &lt;name&gt;_run, ...). Standard: der bereinigte Modelldateiname.</translation>
    </message>
    <message>
        <source>--interface-api: 'c' generates &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *) with named struct members; 'packed' generates one uniform packed-signature entrypoint for module loading.</source>
        <translation>--interface-api: 'c' erzeugt &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *) mit benannten Struct-Feldern; 'packed' erzeugt einen einheitlichen Einstiegspunkt mit gepackter Signatur zum Laden als Modul.</translation>
    </message>
    <message>
        <source>--operators: 'unpacked' makes each layer a static function taking typed data pointers; 'packed' gives every layer the same signature with DLTensor-compatible descriptors.</source>
        <translation>--operators: 'unpacked' macht jede Schicht zu einer statischen Funktion mit typisierten Datenzeigern; 'packed' gibt jeder Schicht dieselbe Signatur mit DLTensor-kompatiblen Deskriptoren.</translation>
    </message>
    <message>
        <source>--packed-wrappers: adds a packed wrapper beside each unpacked function and a name → function table, for host-driven inference and per-layer profiling. Default: off.</source>
        <translation>--packed-wrappers: fügt jeder entpackten Funktion einen gepackten Wrapper und eine Tabelle Name → Funktion hinzu, für host-gesteuerte Inferenz und Profiling pro Schicht. Standard: aus.</translation>
    </message>
    <message>
        <source>--target: the core the kernels are written for; DSP/MVE variants use ACLE intrinsics. 'generic' is portable C.</source>
        <translation>--target: der Kern, für den die Kernels geschrieben werden; DSP/MVE-Varianten nutzen ACLE-Intrinsics. 'generic' ist portables C.</translation>
    </message>
    <message>
        <source>--planner: the algorithm that assigns each activation an offset in its pool; changes the pool sizes in the header.</source>
        <translation>--planner: der Algorithmus, der jeder Aktivierung einen Offset in ihrem Pool zuweist; ändert die Poolgrößen im Header.</translation>
    </message>
    <message>
        <source>--align: alignment of every buffer inside a pool (bytes, power of two).</source>
        <translation>--align: Ausrichtung jedes Puffers innerhalb eines Pools (Bytes, Zweierpotenz).</translation>
    </message>
    <message>
        <source>--constants: 'flash' emits const arrays the linker keeps in flash; 'pool' expects the application to provide one constants pool (e.g. copied from external flash).</source>
        <translation>--constants: 'flash' erzeugt const-Arrays, die der Linker im Flash hält; 'pool' erwartet, dass die Anwendung einen Konstanten-Pool bereitstellt (z. B. aus externem Flash kopiert).</translation>
    </message>
    <message>
        <source>--io: 'separate' leaves input/output buffers to the application; 'workspace' plans them inside the workspace and adds accessors returning the in-workspace pointers.</source>
        <translation>--io: 'separate' überlässt Ein-/Ausgabepuffer der Anwendung; 'workspace' plant sie im Arbeitsspeicher ein und fügt Zugriffsfunktionen hinzu, die Zeiger in den Arbeitsspeicher liefern.</translation>
    </message>
    <message>
        <source>--app-pools: the application passes pool base pointers in struct &lt;name&gt;_workspace_pools instead of the generated static arrays. Default: off (static arrays).</source>
        <translation>--app-pools: die Anwendung übergibt Pool-Basiszeiger in struct &lt;name&gt;_workspace_pools statt der erzeugten statischen Arrays. Standard: aus (statische Arrays).</translation>
    </message>
    <message>
        <source>--pool NAME:SIZE[:section=S][:align=A]: each pool becomes a uint8_t array (or an app-provided pointer). Size 0 = as large as the plan needs; sizes accept K/M suffixes.</source>
        <translation>--pool NAME:SIZE[:section=S][:align=A]: jeder Pool wird ein uint8_t-Array (oder ein von der Anwendung gelieferter Zeiger). Größe 0 = so groß wie der Plan braucht; Größen akzeptieren K/M-Suffixe.</translation>
    </message>
    <message>
        <source>--pin TENSOR=POOL: place an activation in a given pool (e.g. a large buffer in external SRAM). Drag buffers between lanes in the Memory view to pin them.</source>
        <translation>--pin TENSOR=POOL: legt eine Aktivierung in einen bestimmten Pool (z. B. einen großen Puffer in externes SRAM). In der Speicheransicht Puffer zwischen Bahnen ziehen, um sie anzuheften.</translation>
    </message>
    <message>
        <source>--dim TENSOR:AXIS=MIN..MAX, one per line: a dimension that varies at run time; memory is planned for MAX.</source>
        <translation>--dim TENSOR:AXIS=MIN..MAX, eine pro Zeile: eine Dimension, die zur Laufzeit variiert; Speicher wird für MAX geplant.</translation>
    </message>
    <message>
        <source>%1 is not supported by this compiler build yet.</source>
        <translation>%1 wird von diesem Compiler noch nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProfileView</name>
    <message>
        <source>Profiling… %1</source>
        <translation>Profiling… %1</translation>
    </message>
    <message>
        <source>No profile run yet.
Choose a board in the toolbar and press Profile (Ctrl+R): the model is compiled, built into firmware, run on the board and checked against the host.</source>
        <translation>Noch kein Profiling-Lauf.
In der Werkzeugleiste ein Board wählen und Profilieren drücken (Strg+R): das Modell wird kompiliert, in Firmware gebaut, auf dem Board ausgeführt und mit dem Host verglichen.</translation>
    </message>
    <message>
        <source>Open a model, choose a board in the toolbar and press Profile (Ctrl+R).</source>
        <translation>Ein Modell öffnen, in der Werkzeugleiste ein Board wählen und Profilieren drücken (Strg+R).</translation>
    </message>
    <message>
        <source>cycles</source>
        <translation>Takte</translation>
    </message>
    <message>
        <source>%1 on %2 · %3</source>
        <translation>%1 auf %2 · %3</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>emulated (QEMU -icount)</source>
        <translation>emuliert (QEMU -icount)</translation>
    </message>
    <message>
        <source>hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n layer(s)</source>
        <translation><numerusform>%1 · %n Schicht</numerusform><numerusform>%1 · %n Schichten</numerusform></translation>
    </message>
    <message>
        <source>Time at clock</source>
        <translation>Zeit bei Taktfrequenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>at %1 MHz</source>
        <translation>bei %1 MHz</translation>
    </message>
    <message>
        <source>at %1 MHz (≈ 1 instr./cycle)</source>
        <translation>bei %1 MHz (≈ 1 Instr./Takt)</translation>
    </message>
    <message>
        <source>Output check</source>
        <translation>Ausgabeprüfung</translation>
    </message>
    <message>
        <source>✓ bit-exact</source>
        <translation>✓ bitgenau</translation>
    </message>
    <message>
        <source>same bytes as the host run</source>
        <translation>dieselben Bytes wie der Host-Lauf</translation>
    </message>
    <message>
        <source>✗ mismatch</source>
        <translation>✗ Abweichung</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message>
        <source>no host run</source>
        <translation>kein Host-Lauf</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>%1 flash</source>
        <translation>%1 Flash</translation>
    </message>
    <message>
        <source>RAM %1 · stack used %2</source>
        <translation>RAM %1 · Stack belegt %2</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>MACs/cycle</source>
        <translation>MACs/Takt</translation>
    </message>
    <message>
        <source>MACs/instr.</source>
        <translation>MACs/Instr.</translation>
    </message>
    <message>
        <source>%1 %2, %3 MACs</source>
        <translation>%1 %2, %3 MACs</translation>
    </message>
    <message>
        <source>The whole inference measured %1 %2: the layers plus %3 in the entry function around them. Shares and time are of the whole inference.</source>
        <translation>Die gesamte Inferenz maß %1 %2: die Schichten plus %3 in der umgebenden Einstiegsfunktion. Anteile und Zeit beziehen sich auf die gesamte Inferenz.</translation>
    </message>
    <message>
        <source>Shares and time are of the whole inference.</source>
        <translation>Anteile und Zeit beziehen sich auf die gesamte Inferenz.</translation>
    </message>
    <message>
        <source>Emulated board: counts are executed instructions (deterministic), not cycles; the time assumes one instruction per cycle.</source>
        <translation>Emuliertes Board: gezählt werden ausgeführte Instruktionen (deterministisch), keine Takte; die Zeit nimmt eine Instruktion pro Takt an.</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProjectController</name>
    <message>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Models (*.tflite *.onnx);;All files (*)</source>
        <translation>Modelle (*.tflite *.onnx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>projects are not saved: %1</source>
        <translation>Projekte werden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>the model file changed since the project was saved; its options were kept, check pins and names</source>
        <translation>die Modelldatei hat sich seit dem Speichern des Projekts geändert; die Optionen wurden beibehalten, Pins und Namen prüfen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>&amp;Open Model…</source>
        <translation>Modell ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Example Model</source>
        <translation>&amp;Beispielmodell öffnen</translation>
    </message>
    <message>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
</context>
<context>
    <name>ember::studio::PropertiesPanel</name>
    <message>
        <source>pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Select a node in the graph to see its attributes, tensors and planned buffers.</source>
        <translation>Einen Knoten im Graphen auswählen, um Attribute, Tensoren und geplante Puffer zu sehen.</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>Konstante</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>Auffüllung</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>Dilatation</translation>
    </message>
    <message>
        <source>Depth multiplier</source>
        <translation>Tiefenmultiplikator</translation>
    </message>
    <message>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <source>Axis</source>
        <translation>Achse</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgänge</translation>
    </message>
</context>
<context>
    <name>ember::studio::Session</name>
    <message>
        <source>cannot open '%1': no such file; check the path or pick another model</source>
        <translation>'%1' kann nicht geöffnet werden: Datei nicht vorhanden; Pfad prüfen oder ein anderes Modell wählen</translation>
    </message>
    <message>
        <source>cannot import '%1'; the file is not a supported model</source>
        <translation>'%1' kann nicht importiert werden; die Datei ist kein unterstütztes Modell</translation>
    </message>
    <message>
        <source>opened %1 (%2 operators, %3 tensors)</source>
        <translation>%1 geöffnet (%2 Operatoren, %3 Tensoren)</translation>
    </message>
    <message>
        <source>cannot write the example model to '%1'; check that the folder is writable</source>
        <translation>Beispielmodell kann nicht nach '%1' geschrieben werden; prüfen, ob der Ordner beschreibbar ist</translation>
    </message>
</context>
<context>
    <name>ember::studio::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Host C compiler</source>
        <translation>Host-C-Compiler</translation>
    </message>
    <message>
        <source>Used by Build ▸ Check with Host Compiler to compile the package warning-free.</source>
        <translation>Wird von Build ▸ Mit Host-Compiler prüfen verwendet, um das Paket ohne Warnungen zu kompilieren.</translation>
    </message>
    <message>
        <source>arm-none-eabi-gcc</source>
        <translation>arm-none-eabi-gcc</translation>
    </message>
    <message>
        <source>Cross compiler for board firmware.</source>
        <translation>Cross-Compiler für Board-Firmware.</translation>
    </message>
    <message>
        <source>OpenOCD</source>
        <translation>OpenOCD</translation>
    </message>
    <message>
        <source>Flashes and debugs boards over SWD/JTAG.</source>
        <translation>Flasht und debuggt Boards über SWD/JTAG.</translation>
    </message>
    <message>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message>
        <source>qemu-system-arm, runs emulated boards.</source>
        <translation>qemu-system-arm, führt emulierte Boards aus.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>ember::studio::SummaryPanel</name>
    <message>
        <source>Open a model (File ▸ Open, drop a .tflite file here, or File ▸ Open Example).</source>
        <translation>Ein Modell öffnen (Datei ▸ Öffnen, eine .tflite-Datei hierher ziehen oder Datei ▸ Beispielmodell).</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Parameter bytes</source>
        <translation>Parameter-Bytes</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Activation lower bound</source>
        <translation>Untergrenze Aktivierungen</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <source>Operators by type</source>
        <translation>Operatoren nach Typ</translation>
    </message>
</context>
<context>
    <name>ember::studio::ToolRunner</name>
    <message>
        <source>cannot start '%1': %2; set its path in Settings</source>
        <translation>'%1' kann nicht gestartet werden: %2; den Pfad in den Einstellungen setzen</translation>
    </message>
</context>
</TS>
