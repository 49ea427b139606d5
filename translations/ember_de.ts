<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CompileJob</name>
    <message>
        <location filename="../app/model/CompileJob.cpp" line="17"/>
        <source>planning memory</source>
        <translation>Speicher wird geplant</translation>
    </message>
    <message>
        <location filename="../app/model/CompileJob.cpp" line="25"/>
        <source>generating C</source>
        <translation>C-Code wird erzeugt</translation>
    </message>
    <message>
        <location filename="../app/model/CompileJob.cpp" line="28"/>
        <source>collecting results</source>
        <translation>Ergebnisse werden gesammelt</translation>
    </message>
</context>
<context>
    <name>ember::studio</name>
    <message>
        <location filename="../app/model/Capacity.cpp" line="49"/>
        <source>constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="52"/>
        <source>firmware (measured)</source>
        <translation>Firmware (gemessen)</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="54"/>
        <source>code (estimate)</source>
        <translation>Code (Schätzung)</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="67"/>
        <source>pool &apos;%1&apos;</source>
        <translation>Pool &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="76"/>
        <source>I/O buffers</source>
        <translation>E/A-Puffer</translation>
    </message>
    <message>
        <location filename="../app/model/Capacity.cpp" line="77"/>
        <source>stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="145"/>
        <source>Estimated instructions for %1%2.</source>
        <translation>Geschätzte Instruktionen für %1%2.</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="146"/>
        <source>a generic Cortex-M core</source>
        <translation>einen generischen Cortex-M-Kern</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="147"/>
        <source>, calibrated on the last profile</source>
        <translation>, an der letzten Messung kalibriert</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Param bytes</source>
        <translation>Parameter-Bytes</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Activation bytes</source>
        <translation>Aktivierungs-Bytes</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="149"/>
        <source>Live RAM</source>
        <translation>Belegter RAM</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="150"/>
        <source>Est. instructions</source>
        <translation>Gesch. Instruktionen</translation>
    </message>
    <message>
        <location filename="../app/model/LayerReport.cpp" line="159"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>ember::studio::BoardController</name>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="61"/>
        <source>flashed %1: %2</source>
        <translation>%1 geflasht: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="83"/>
        <source>%1 · %2 at %3 MHz%4</source>
        <translation>%1 · %2 mit %3 MHz%4</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="84"/>
        <source> · emulated in QEMU: counts instructions, needs no hardware</source>
        <translation> · in QEMU emuliert: zählt Instruktionen, braucht keine Hardware</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="115"/>
        <source>nothing to %1; open a model first</source>
        <translation>nichts zum %1; zuerst ein Modell öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="119"/>
        <source>a board job is running; wait for it or press Cancel</source>
        <translation>ein Board-Auftrag läuft; warten oder Abbrechen drücken</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="123"/>
        <source>no board selected; choose one in the toolbar</source>
        <translation>kein Board gewählt; eines in der Werkzeugleiste auswählen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="131"/>
        <source>profile</source>
        <translation>Profilieren</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="146"/>
        <source>profiling on %1: %2</source>
        <translation>Profiling auf %1: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="148"/>
        <source>starting</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="155"/>
        <source>flash</source>
        <translation>Flashen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="158"/>
        <source>nothing to flash; compile the model first (Ctrl+B)</source>
        <translation>nichts zu flashen; zuerst das Modell erstellen (Strg+B)</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="168"/>
        <source>flashing %1 to %2</source>
        <translation>%1 wird auf %2 geflasht</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="176"/>
        <source>a profile run of %1 ended after another model was opened; it was not recorded</source>
        <translation>ein Profiling-Lauf von %1 endete, nachdem ein anderes Modell geöffnet wurde; er wurde nicht aufgezeichnet</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="186"/>
        <source>outputs bit-exact with the host</source>
        <translation>Ausgaben bitgenau wie auf dem Host</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="187"/>
        <source>outputs DIFFER from the host: %1</source>
        <translation>Ausgaben WEICHEN vom Host AB: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="188"/>
        <source>outputs not compared</source>
        <translation>Ausgaben nicht verglichen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="190"/>
        <source>profiled on %1: %2 %3 (%4 ms at %5 MHz), %6</source>
        <translation>auf %1 profiliert: %2 %3 (%4 ms bei %5 MHz), %6</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="201"/>
        <source>flash cancelled</source>
        <translation>Flashen abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="201"/>
        <source>profile run cancelled</source>
        <translation>Profiling-Lauf abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="206"/>
        <source>flashing %1 failed</source>
        <translation>Flashen von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="206"/>
        <source>profiling on %1 failed</source>
        <translation>Profiling auf %1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="241"/>
        <source>&amp;Profile</source>
        <translation>&amp;Profilieren</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="242"/>
        <source>Compile, build firmware, run it on the selected board and count every layer (Ctrl+R)</source>
        <translation>Erstellen, Firmware erstellen, auf dem gewählten Board ausführen und jede Schicht zählen (Strg+R)</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="243"/>
        <source>&amp;Flash</source>
        <translation>&amp;Flashen</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="244"/>
        <source>Build firmware for the last compile and program the selected board (Ctrl+U)</source>
        <translation>Firmware aus der letzten Erstellung erzeugen und das gewählte Board programmieren (Strg+U)</translation>
    </message>
    <message>
        <location filename="../app/studio/BoardController.cpp" line="245"/>
        <source>Board:</source>
        <translation>Board:</translation>
    </message>
</context>
<context>
    <name>ember::studio::BoardJob</name>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="34"/>
        <source>%1 (emulated)</source>
        <translation>%1 (emuliert)</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="92"/>
        <source>firmware project kept in %1</source>
        <translation>Firmware-Projekt in %1 aufbewahrt</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="136"/>
        <source>a board job is already running; wait for it or cancel it</source>
        <translation>ein Board-Auftrag läuft bereits; warten Sie oder brechen Sie ihn ab</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="157"/>
        <source>cannot create a temporary folder for the firmware: %1</source>
        <translation>temporärer Ordner für die Firmware kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="166"/>
        <location filename="../app/model/BoardJob.cpp" line="201"/>
        <source>the board runner is busy; try again when the current job has ended</source>
        <translation>der Board-Runner ist beschäftigt; erneut versuchen, wenn der aktuelle Auftrag beendet ist</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="193"/>
        <source>cannot write the firmware project to a temporary folder: %1</source>
        <translation>Firmware-Projekt kann nicht in einen temporären Ordner geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="198"/>
        <source>firmware project: %1</source>
        <translation>Firmware-Projekt: %1</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="220"/>
        <source>this studio was built without board support (flashers/)</source>
        <translation>dieses Studio wurde ohne Board-Unterstützung gebaut (flashers/)</translation>
    </message>
    <message>
        <location filename="../app/model/BoardJob.cpp" line="227"/>
        <source>this studio was built without board support; rebuild with the flashers library</source>
        <translation>dieses Studio wurde ohne Board-Unterstützung gebaut; mit der flashers-Bibliothek neu bauen</translation>
    </message>
</context>
<context>
    <name>ember::studio::BuildController</name>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="40"/>
        <source>compile cancelled</source>
        <translation>Erstellen abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="41"/>
        <source>%1 not done: the compile was cancelled</source>
        <translation>%1 nicht ausgeführt: das Erstellen wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="75"/>
        <source>nothing to compile; open a model first</source>
        <translation>nichts zu erstellen; zuerst ein Modell öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="96"/>
        <source>%1 is not supported by this compiler build and was ignored</source>
        <translation>%1 wird von dieser Compiler-Version nicht unterstützt und wurde ignoriert</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="100"/>
        <source>compiling: %1</source>
        <translation>Erstelle: %1</translation>
    </message>
    <message>
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, code %6</source>
        <translation type="vanished">%1 in %2 ms übersetzt: %3 Dateien, RAM %4, Konstanten %5, Code %6</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="147"/>
        <source>compile failed without a diagnostic</source>
        <translation>Erstellen ohne Diagnose fehlgeschlagen</translation>
    </message>
    <message>
        <source>nothing to export; compile the model first</source>
        <translation type="vanished">nichts zu exportieren; zuerst das Modell übersetzen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="210"/>
        <source>Export package as archive</source>
        <translation>Paket als Archiv exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="211"/>
        <source>Tar archive (*.tar)</source>
        <translation>Tar-Archiv (*.tar)</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="213"/>
        <source>Export package to folder</source>
        <translation>Paket in Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="225"/>
        <source>package exported to %1</source>
        <translation>Paket nach %1 exportiert</translation>
    </message>
    <message>
        <source>nothing to check; compile the model first</source>
        <translation type="vanished">nichts zu prüfen; zuerst das Modell kompilieren</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="120"/>
        <source>, flash %1 (measured on %2)</source>
        <translation>, Flash %1 (gemessen auf %2)</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="123"/>
        <source>recompiled %1 for the changed options in %2 ms (C source %3)</source>
        <translation>%1 für die geänderten Optionen in %2 ms neu erstellt (C-Quelltext %3)</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="126"/>
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, C source %6%7</source>
        <translation>%1 in %2 ms erstellt: %3 Dateien, RAM %4, Konstanten %5, C-Quelltext %6%7</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="150"/>
        <source>%1 not done: the current options do not compile (see above)</source>
        <translation>%1 nicht ausgeführt: die aktuellen Optionen lassen sich nicht erstellen (siehe oben)</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="182"/>
        <source>nothing to %1; open a model first</source>
        <translation>nichts zu %1; zuerst ein Modell öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="193"/>
        <source>the options changed since the last build; compiling before: %1</source>
        <translation>die Optionen haben sich seit dem letzten Erstellen geändert; erst erstellen, dann: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="200"/>
        <source>nothing to export; open a model first</source>
        <translation>nichts zu exportieren; zuerst ein Modell öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="221"/>
        <source>export</source>
        <translation>exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="233"/>
        <source>check with the host compiler</source>
        <translation>mit dem Host-Compiler prüfen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="242"/>
        <source>cannot write the package to a temporary folder: %1</source>
        <translation>Paket kann nicht in einen temporären Ordner geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="255"/>
        <source>the package compiles warning-free with the host compiler</source>
        <translation>das Paket kompiliert mit dem Host-Compiler ohne Warnungen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="256"/>
        <source>the host compiler reported problems (see above)</source>
        <translation>der Host-Compiler hat Probleme gemeldet (siehe oben)</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="266"/>
        <source>&amp;Compile</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="267"/>
        <location filename="../app/studio/BuildController.cpp" line="279"/>
        <source>Plan memory and generate the C package (Ctrl+B)</source>
        <translation>Speicher planen und C-Paket erzeugen (Strg+B)</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="268"/>
        <source>Export Package to &amp;Folder…</source>
        <translation>Paket in &amp;Ordner exportieren…</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="269"/>
        <source>Export Package as &amp;Archive…</source>
        <translation>Paket als &amp;Archiv exportieren…</translation>
    </message>
    <message>
        <location filename="../app/studio/BuildController.cpp" line="270"/>
        <source>Check with &amp;Host Compiler</source>
        <translation>Mit &amp;Host-Compiler prüfen</translation>
    </message>
</context>
<context>
    <name>ember::studio::CapacityBars</name>
    <message>
        <location filename="../views/CapacityBars.cpp" line="53"/>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="53"/>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="75"/>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="76"/>
        <source>%1 of %2 — does not fit</source>
        <translation>%1 von %2 — passt nicht</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="81"/>
        <source>pools whose section is in no region of this board: %1</source>
        <translation>Pools, deren Section in keinem Bereich dieses Boards liegt: %1</translation>
    </message>
    <message>
        <location filename="../views/CapacityBars.cpp" line="93"/>
        <source> (estimate)</source>
        <translation> (Schätzung)</translation>
    </message>
</context>
<context>
    <name>ember::studio::CodeView</name>
    <message>
        <location filename="../views/CodeView.cpp" line="194"/>
        <source>Options changed — this code is from the previous build; recompiling… (if it stays, the options do not compile: see the Options panel, or press Ctrl+B)</source>
        <translation>Optionen geändert — dieser Code stammt vom vorigen Erstellen; wird neu erstellt… (bleibt diese Leiste, lassen sich die Optionen nicht erstellen: siehe Optionen, oder Strg+B)</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="201"/>
        <source>Package</source>
        <translation>Paket</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="201"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="202"/>
        <source>Find in file…</source>
        <translation>In Datei suchen…</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="203"/>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="204"/>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="205"/>
        <source>Mark changes</source>
        <translation>Änderungen markieren</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="206"/>
        <source>Highlight lines that changed versus the previous build</source>
        <translation>Zeilen hervorheben, die sich seit der letzten Erstellung geändert haben</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="207"/>
        <source>Compile the model (Build ▸ Compile, Ctrl+B) to see the generated C package.</source>
        <translation>Modell erstellen (Erstellen ▸ Erstellen, Strg+B), um das erzeugte C-Paket zu sehen.</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="221"/>
        <source>Go to layer…</source>
        <translation>Gehe zu Schicht…</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="288"/>
        <source>changed since the previous build</source>
        <translation>seit der letzten Erstellung geändert</translation>
    </message>
    <message>
        <location filename="../views/CodeView.cpp" line="288"/>
        <source>new in this build</source>
        <translation>neu in dieser Erstellung</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/CodeView.cpp" line="294"/>
        <source>%n file(s) changed since the previous build</source>
        <translation>
            <numerusform>%n Datei seit der letzten Erstellung geändert</numerusform>
            <numerusform>%n Dateien seit der letzten Erstellung geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/CodeView.cpp" line="295"/>
        <source>%n file(s), %1 of C source</source>
        <translation>
            <numerusform>%n Datei, %1 C-Quelltext</numerusform>
            <numerusform>%n Dateien, %1 C-Quelltext</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 of C</source>
        <translation type="vanished">
            <numerusform>%n Datei, %1 C-Code</numerusform>
            <numerusform>%n Dateien, %1 C-Code</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::CompileJob</name>
    <message>
        <location filename="../app/model/CompileJob.cpp" line="59"/>
        <source>starting</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>ember::studio::GraphView</name>
    <message>
        <location filename="../views/GraphView.cpp" line="254"/>
        <source>Find layer, op type or tensor…</source>
        <translation>Schicht, Op-Typ oder Tensor suchen…</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="255"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="256"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="257"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="258"/>
        <source>Fit the whole graph into the view</source>
        <translation>Ganzen Graphen einpassen</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="259"/>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="261"/>
        <location filename="../views/GraphView.cpp" line="427"/>
        <source>%1 operators · %2 tensors</source>
        <translation>%1 Operatoren · %2 Tensoren</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="263"/>
        <source>no model</source>
        <translation>kein Modell</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="326"/>
        <source>Not supported: %1</source>
        <translation>Nicht unterstützt: %1</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="327"/>
        <source>No supported alternative known; see Help ▸ Supported Operators.</source>
        <translation>Keine unterstützte Alternative bekannt; siehe Hilfe ▸ Unterstützte Operatoren.</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="328"/>
        <source>Supported alternatives: %1</source>
        <translation>Unterstützte Alternativen: %1</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="366"/>
        <source>%1 %2 (%3% of the run on %4)</source>
        <translation>%1 %2 (%3 % des Laufs auf %4)</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="429"/>
        <source>no match · %1</source>
        <translation>kein Treffer · %1</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="442"/>
        <source>match %1 of %2 · %3</source>
        <translation>Treffer %1 von %2 · %3</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="486"/>
        <source>Go to Code</source>
        <translation>Zum Code springen</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="491"/>
        <source>Pin Output to Pool</source>
        <translation>Ausgabe an Pool binden</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="505"/>
        <source>(add a second pool in Options first)</source>
        <translation>(zuerst in den Optionen einen zweiten Pool anlegen)</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="507"/>
        <source>Remove pin</source>
        <translation>Bindung entfernen</translation>
    </message>
    <message>
        <location filename="../views/GraphView.cpp" line="514"/>
        <source>Copy Name</source>
        <translation>Namen kopieren</translation>
    </message>
</context>
<context>
    <name>ember::studio::HistoryView</name>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <source>Peak RAM</source>
        <translation>RAM-Spitze</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <source>Constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="vanished">Code</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <location filename="../views/HistoryView.cpp" line="280"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="113"/>
        <source>Profile runs and flashes (double-click a run to show it in the Profile tab)</source>
        <translation>Profiling-Läufe und Flash-Vorgänge (Doppelklick zeigt einen Lauf im Tab Profil)</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="114"/>
        <source>Restore Options</source>
        <translation>Optionen wiederherstellen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="115"/>
        <source>Put the options of the selected build or run back into the Options panel</source>
        <translation>Die Optionen der gewählten Erstellung oder des Laufs zurück ins Optionsfeld übernehmen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="116"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="117"/>
        <source>Delete the selected history entries (asks first)</source>
        <translation>Die gewählten Verlaufseinträge löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="148"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="148"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="155"/>
        <location filename="../views/HistoryView.cpp" line="181"/>
        <location filename="../views/HistoryView.cpp" line="192"/>
        <source>(defaults)</source>
        <translation>(Standardwerte)</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="172"/>
        <source>flash · %1</source>
        <translation>Flashen · %1</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="176"/>
        <source>flash failed</source>
        <translation>Flashen fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="176"/>
        <source>run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="278"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="281"/>
        <source>no option changed</source>
        <translation>keine Option geändert</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="283"/>
        <source>Sizes</source>
        <translation>Größen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="285"/>
        <source>pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="286"/>
        <source>constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <source>code</source>
        <translation type="vanished">Code</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="399"/>
        <source>Select two builds to compare them.</source>
        <translation>Zwei Erstellungen auswählen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="102"/>
        <source>instructions</source>
        <translation>Instruktionen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="103"/>
        <source>cycles</source>
        <translation>Zyklen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="109"/>
        <location filename="../views/HistoryView.cpp" line="287"/>
        <source>C source</source>
        <translation>C-Quelltext</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <location filename="../views/HistoryView.cpp" line="246"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <source>Time at clock</source>
        <translation>Zeit bei Taktfrequenz</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="110"/>
        <source>Output check</source>
        <translation>Ausgabeprüfung</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="111"/>
        <source>Every compile and profile run is recorded. Select two builds, or two profile runs, to compare them.</source>
        <translation>Jede Erstellung und jeder Profiling-Lauf wird aufgezeichnet. Zwei Builds oder zwei Profiling-Läufe auswählen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="112"/>
        <source>Builds</source>
        <translation>Erstellungen</translation>
    </message>
    <message>
        <source>Profile runs (double-click to show one in the Profile tab)</source>
        <translation type="vanished">Profiling-Läufe (Doppelklick zeigt einen im Reiter Profil)</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="186"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="188"/>
        <source>bit-exact</source>
        <translation>bitgenau</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="188"/>
        <source>mismatch</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="188"/>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="239"/>
        <source>Profile %1 → %2</source>
        <translation>Profil %1 → %2</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="242"/>
        <source>different boards: %1 → %2</source>
        <translation>verschiedene Boards: %1 → %2</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="244"/>
        <source>the layers differ; rows pair up by position</source>
        <translation>die Schichten unterscheiden sich; Zeilen werden nach Position gepaart</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="250"/>
        <source>Delta</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="302"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="302"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="303"/>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 Zeilen</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="311"/>
        <source>These builds were recorded without their files (older history).</source>
        <translation>Diese Erstellungen wurden ohne ihre Dateien aufgezeichnet (älterer Verlauf).</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="314"/>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/HistoryView.cpp" line="314"/>
        <source>(%n unchanged; click a file for its diff)</source>
        <translation>
            <numerusform>(%n unverändert; Datei anklicken für ihre Unterschiede)</numerusform>
            <numerusform>(%n unverändert; Datei anklicken für ihre Unterschiede)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="330"/>
        <source>◂ back to the comparison</source>
        <translation>◂ zurück zum Vergleich</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="330"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="333"/>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="373"/>
        <source>Delete history entries</source>
        <translation>Verlaufseinträge löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/HistoryView.cpp" line="374"/>
        <source>Delete %n selected history entries? This cannot be undone; other entries, the project and its options are kept.</source>
        <translation>
            <numerusform>Den gewählten Verlaufseintrag löschen? Das lässt sich nicht rückgängig machen; andere Einträge, das Projekt und seine Optionen bleiben erhalten.</numerusform>
            <numerusform>%n gewählte Verlaufseinträge löschen? Das lässt sich nicht rückgängig machen; andere Einträge, das Projekt und seine Optionen bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/HistoryView.cpp" line="399"/>
        <source>Select two profile runs to compare them.</source>
        <translation>Zwei Profiling-Läufe auswählen, um sie zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>ember::studio::IdeCommandsDialog</name>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="218"/>
        <source>IDE Commands</source>
        <translation>IDE-Befehle</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="220"/>
        <source>The command that opens a project folder in each IDE, started without a shell. {dir} is the folder, {project} its CMakeLists.txt (or the folder).</source>
        <translation>Der Befehl, der einen Projektordner in der jeweiligen IDE öffnet, ohne Shell gestartet. {dir} ist der Ordner, {project} seine CMakeLists.txt (oder der Ordner).</translation>
    </message>
</context>
<context>
    <name>ember::studio::IdeController</name>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="72"/>
        <source>the command &apos;%1&apos; has an unbalanced quote</source>
        <translation>der Befehl &apos;%1&apos; hat ein unpaariges Anführungszeichen</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="77"/>
        <source>the command is empty; set one in Open in IDE ▸ IDE Commands…</source>
        <translation>der Befehl ist leer; einen unter In IDE öffnen ▸ IDE-Befehle… festlegen</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="98"/>
        <source>Export firmware project to folder</source>
        <translation>Firmware-Projekt in Ordner exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="126"/>
        <source>Choose the project folder</source>
        <translation>Projektordner wählen</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="137"/>
        <source>nothing to export; compile the model first</source>
        <translation>nichts zu exportieren; zuerst das Modell erstellen</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="161"/>
        <source>firmware project for %1 exported to %2; build it with cmake, or open it in your IDE (File ▸ Open in IDE)</source>
        <translation>Firmware-Projekt für %1 nach %2 exportiert; mit cmake erstellen oder in der IDE öffnen (Datei ▸ In IDE öffnen)</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="178"/>
        <source>cannot start %1 (&apos;%2&apos;); install it or change its command in Open in IDE ▸ IDE Commands…</source>
        <translation>%1 kann nicht gestartet werden (&apos;%2&apos;); installieren oder den Befehl unter In IDE öffnen ▸ IDE-Befehle… ändern</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="182"/>
        <source>opened %1 in %2</source>
        <translation>%1 in %2 geöffnet</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="190"/>
        <source>no file manager could open %1</source>
        <translation>kein Dateimanager konnte %1 öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="198"/>
        <source>Export &amp;Firmware Project…</source>
        <translation>&amp;Firmware-Projekt exportieren…</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="199"/>
        <source>Write a CMake firmware project for the selected board; with Ember installed it recompiles the model on every build</source>
        <translation>Ein CMake-Firmware-Projekt für das gewählte Board schreiben; mit installiertem Ember wird das Modell bei jedem Erstellen neu erstellt</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="201"/>
        <source>Open in &amp;IDE</source>
        <translation>In &amp;IDE öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="203"/>
        <source>IDE &amp;Commands…</source>
        <translation>IDE-&amp;Befehle…</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="204"/>
        <source>&amp;Reveal in File Manager</source>
        <translation>Im Datei&amp;manager zeigen</translation>
    </message>
    <message>
        <location filename="../app/studio/IdeController.cpp" line="211"/>
        <source>the exported folder (asked for when none is exported yet)</source>
        <translation>der exportierte Ordner (wird erfragt, solange keiner exportiert ist)</translation>
    </message>
</context>
<context>
    <name>ember::studio::LayerReportView</name>
    <message>
        <location filename="../views/LayerReportView.cpp" line="58"/>
        <source>Export layer report</source>
        <translation>Schichtbericht exportieren</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="60"/>
        <source>layer report written to %1</source>
        <translation>Schichtbericht nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="61"/>
        <source>cannot write &apos;%1&apos;; check the folder&apos;s permissions</source>
        <translation>&apos;%1&apos; kann nicht geschrieben werden; Ordnerrechte prüfen</translation>
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
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="76"/>
        <source>Param bytes</source>
        <translation>Parameter-Bytes</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="77"/>
        <source>Activation bytes</source>
        <translation>Aktivierungs-Bytes</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="77"/>
        <source>Live RAM</source>
        <translation>Belegter RAM</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="77"/>
        <source>Est. instructions</source>
        <translation>Gesch. Instruktionen</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="78"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="79"/>
        <source>Export HTML…</source>
        <translation>HTML exportieren…</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/LayerReportView.cpp" line="125"/>
        <source>%n layer(s) · %1 MACs · ≈ %2 instructions on %3%4</source>
        <translation>
            <numerusform>%n Schicht · %1 MACs · ≈ %2 Instruktionen auf %3%4</numerusform>
            <numerusform>%n Schichten · %1 MACs · ≈ %2 Instruktionen auf %3%4</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="127"/>
        <source>a generic Cortex-M</source>
        <translation>einem generischen Cortex-M</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="128"/>
        <source> (calibrated on the last profile)</source>
        <translation> (an der letzten Messung kalibriert)</translation>
    </message>
    <message>
        <location filename="../views/LayerReportView.cpp" line="129"/>
        <source> (estimate; a profile on the board calibrates it)</source>
        <translation> (Schätzung; eine Messung auf dem Board kalibriert sie)</translation>
    </message>
</context>
<context>
    <name>ember::studio::MainWindow</name>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="111"/>
        <source>compile first (Ctrl+B) to see the generated function of this layer</source>
        <translation>zuerst erstellen (Strg+B), um die erzeugte Funktion dieser Schicht zu sehen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="125"/>
        <source>validate</source>
        <translation>validieren</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="233"/>
        <source>About Ember Studio</source>
        <translation>Über Ember Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="234"/>
        <source>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;Compiles TFLite models to dependency-free C for microcontrollers.</source>
        <translation>&lt;b&gt;Ember Studio&lt;/b&gt;&lt;br&gt;Erstellt aus TFLite-Modellen in abhängigkeitsfreies C für Mikrocontroller.</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="235"/>
        <source>Version %1 (commit %2)</source>
        <translation>Version %1 (Commit %2)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="367"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="368"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="369"/>
        <source>&amp;Graph</source>
        <translation>&amp;Graph</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="370"/>
        <source>&amp;Memory</source>
        <translation>&amp;Speicher</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="371"/>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="373"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="374"/>
        <source>&amp;Fit Graph</source>
        <translation>Graph &amp;einpassen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="375"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="376"/>
        <source>&amp;About Ember Studio</source>
        <translation>Ü&amp;ber Ember Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="377"/>
        <source>Supported &amp;Operators…</source>
        <translation>Unterstützte &amp;Operatoren…</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="378"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="379"/>
        <source>&amp;Build</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="380"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="381"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="382"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="383"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="384"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="385"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="386"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="387"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="388"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="389"/>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="390"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="391"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="393"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="394"/>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="395"/>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="396"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="397"/>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="398"/>
        <source>Messages</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="462"/>
        <source>no translation for &apos;%1&apos; is built in</source>
        <translation>für &apos;%1&apos; ist keine Übersetzung eingebaut</translation>
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
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="496"/>
        <source>%1 · %2 ops · %3 MACs</source>
        <translation>%1 · %2 Ops · %3 MACs</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="499"/>
        <source>   RAM %1 (lower bound %2)</source>
        <translation>   RAM %1 (Untergrenze %2)</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="500"/>
        <source>   planning failed</source>
        <translation>   Planung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="372"/>
        <source>&amp;Profile</source>
        <translation>&amp;Profilieren</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="103"/>
        <source>options restored from the history; compile (Ctrl+B) to build them</source>
        <translation>Optionen aus dem Verlauf wiederhergestellt; mit Strg+B erstellen</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="392"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../app/studio/MainWindow.cpp" line="440"/>
        <source>cancelling…</source>
        <translation>wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryPanel</name>
    <message>
        <location filename="../views/MemoryView.cpp" line="492"/>
        <source>Planner:</source>
        <translation>Planer:</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="493"/>
        <source>Export picture…</source>
        <translation>Bild exportieren…</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="494"/>
        <source>Save the memory view as PNG or SVG</source>
        <translation>Speicheransicht als PNG oder SVG speichern</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="510"/>
        <source>planning failed (see Messages)</source>
        <translation>Planung fehlgeschlagen (siehe Meldungen)</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="511"/>
        <source>planning failed: %1</source>
        <translation>Planung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="516"/>
        <source>Total %1 (%2) · lower bound %3 · %4 buffers</source>
        <translation>Gesamt %1 (%2) · Untergrenze %3 · %4 Puffer</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="533"/>
        <source>Export memory picture</source>
        <translation>Speicherbild exportieren</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="534"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="537"/>
        <source>memory picture saved to %1</source>
        <translation>Speicherbild unter %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="538"/>
        <source>cannot write &apos;%1&apos;; choose a writable folder</source>
        <translation>&apos;%1&apos; kann nicht geschrieben werden; einen beschreibbaren Ordner wählen</translation>
    </message>
</context>
<context>
    <name>ember::studio::MemoryView</name>
    <message>
        <location filename="../views/MemoryView.cpp" line="140"/>
        <source>graph input</source>
        <translation>Graph-Eingang</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="145"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 bytes (%3)&lt;br&gt;pool &apos;%4&apos;, offset %5 – %6&lt;br&gt;live at steps %7–%8&lt;br&gt;produced by %9%10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 Bytes (%3)&lt;br&gt;Pool &apos;%4&apos;, Offset %5 – %6&lt;br&gt;lebendig in Schritten %7–%8&lt;br&gt;erzeugt von %9%10</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="150"/>
        <source>&lt;br&gt;&lt;i&gt;pinned&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;angeheftet&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="169"/>
        <source>in</source>
        <translation>Eing.</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="187"/>
        <location filename="../views/MemoryView.cpp" line="305"/>
        <source>peak %1</source>
        <translation>Spitze %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="188"/>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="189"/>
        <source>size auto</source>
        <translation>Größe automatisch</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="191"/>
        <source>app-provided</source>
        <translation>von der Anwendung</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="209"/>
        <source>step →</source>
        <translation>Schritt →</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="213"/>
        <source>execution step (operator index) — a buffer spans the steps it is live</source>
        <translation>Ausführungsschritt (Operator-Index) — ein Puffer reicht über die Schritte, in denen er lebt</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="234"/>
        <source>capacity %1 — %2 short</source>
        <translation>Kapazität %1 — %2 zu wenig</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="247"/>
        <source>No memory plan: %1</source>
        <translation>Kein Speicherplan: %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="248"/>
        <source>Open a model to see its memory plan.</source>
        <translation>Ein Modell öffnen, um seinen Speicherplan zu sehen.</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="307"/>
        <source>lower bound %1</source>
        <translation>Untergrenze %1</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="389"/>
        <source>Pin to pool</source>
        <translation>An Pool binden</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="398"/>
        <source>(add a second pool in Options first)</source>
        <translation>(zuerst einen zweiten Pool in den Optionen anlegen)</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="400"/>
        <source>Remove pin</source>
        <translation>Bindung entfernen</translation>
    </message>
    <message>
        <location filename="../views/MemoryView.cpp" line="402"/>
        <source>Select in graph</source>
        <translation>Im Graphen auswählen</translation>
    </message>
</context>
<context>
    <name>ember::studio::MessagesPane</name>
    <message>
        <location filename="../views/MessagesPane.cpp" line="70"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../views/MessagesPane.cpp" line="70"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../views/MessagesPane.cpp" line="70"/>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <location filename="../views/MessagesPane.cpp" line="70"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/MessagesPane.cpp" line="132"/>
        <source>… %n earlier line(s) not shown</source>
        <translation>
            <numerusform>… %n frühere Zeile nicht angezeigt</numerusform>
            <numerusform>… %n frühere Zeilen nicht angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/MessagesPane.cpp" line="142"/>
        <source>Expand to see the raw tool log.</source>
        <translation>Aufklappen, um das Roh-Log des Werkzeugs zu sehen.</translation>
    </message>
</context>
<context>
    <name>ember::studio::OperatorsDialog</name>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="18"/>
        <source>Supported Operators</source>
        <translation>Unterstützte Operatoren</translation>
    </message>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="21"/>
        <source>%1 TFLite operators compile to C with TFLite Micro&apos;s exact arithmetic. A model with any other operator is refused with the operator named.</source>
        <translation>%1 TFLite-Operatoren werden mit der exakten Arithmetik von TFLite Micro nach C erstellt. Ein Modell mit einem anderen Operator wird mit dessen Namen abgelehnt.</translation>
    </message>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="28"/>
        <source>Filter by operator or type…</source>
        <translation>Nach Operator oder Typ filtern…</translation>
    </message>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="33"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../views/OperatorsDialog.cpp" line="33"/>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
</context>
<context>
    <name>ember::studio::OptionsPanel</name>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="27"/>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="37"/>
        <source>Unchecked packed calls</source>
        <translation>Ungeprüfte gepackte Aufrufe</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="43"/>
        <source>App-provided pools</source>
        <translation>Von der Anwendung bereitgestellte Pools</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="47"/>
        <source>ONNX I/O layout</source>
        <translation>ONNX-E/A-Layout</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="284"/>
        <source>Preset…</source>
        <translation>Vorlage…</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="284"/>
        <source>Embedded (C API)</source>
        <translation>Eingebettet (C-API)</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="284"/>
        <source>Host-driven (packed)</source>
        <translation>Host-gesteuert (packed)</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="286"/>
        <source>Embedded: typed C entrypoint, unpacked operators, static pools — what most firmware wants.
Host-driven: packed entrypoint and operators plus packed wrappers and a function table, so a host can call any layer by name.</source>
        <translation>Eingebettet: typisierter C-Einstiegspunkt, entpackte Operatoren, statische Pools — was die meiste Firmware braucht.
Host-gesteuert: gepackter Einstiegspunkt und Operatoren plus gepackte Wrapper und eine Funktionstabelle, damit ein Host jede Schicht per Name aufrufen kann.</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="290"/>
        <source>Defaults</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="291"/>
        <source>Reset every option to its default</source>
        <translation>Alle Optionen auf Standardwerte zurücksetzen</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="292"/>
        <source>Generated API</source>
        <translation>Erzeugte API</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="293"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="45"/>
        <location filename="../views/OptionsPanel.cpp" line="294"/>
        <source>Pins (tensor → pool)</source>
        <translation>Bindungen (Tensor → Pool)</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="46"/>
        <location filename="../views/OptionsPanel.cpp" line="295"/>
        <source>Dynamic dimensions</source>
        <translation>Dynamische Dimensionen</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="44"/>
        <location filename="../views/OptionsPanel.cpp" line="296"/>
        <source>Workspace pools</source>
        <translation>Arbeitsspeicher-Pools</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="297"/>
        <source>Command line (emberc twin):</source>
        <translation>Kommandozeile (emberc-Gegenstück):</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="298"/>
        <source>Add pool</source>
        <translation>Pool hinzufügen</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="299"/>
        <location filename="../views/OptionsPanel.cpp" line="301"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="300"/>
        <source>Add pin</source>
        <translation>Bindung hinzufügen</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="33"/>
        <location filename="../views/OptionsPanel.cpp" line="302"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="302"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="302"/>
        <source>Align</source>
        <translation>Ausr.</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="302"/>
        <source>Section</source>
        <translation>Sektion</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="303"/>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="303"/>
        <source>Pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="362"/>
        <location filename="../views/OptionsPanel.cpp" line="403"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="34"/>
        <source>Entrypoint API</source>
        <translation>Einstiegs-API</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="35"/>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <source>Wrappers</source>
        <translation type="vanished">Wrapper</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="38"/>
        <source>Target core</source>
        <translation>Zielkern</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="49"/>
        <source>In-place memory</source>
        <translation>Speicher an Ort und Stelle</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="49"/>
        <source>Optimize for</source>
        <translation>Optimieren für</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="39"/>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="40"/>
        <source>Alignment</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="41"/>
        <source>Constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="42"/>
        <source>Inputs/outputs</source>
        <translation>Ein-/Ausgänge</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation type="vanished">Pools</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="36"/>
        <source>Packed wrappers</source>
        <translation>Gepackte Wrapper</translation>
    </message>
    <message>
        <source>Application-provided</source>
        <translation type="vanished">Von der Anwendung</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="334"/>
        <source>model file name</source>
        <translation>Modelldateiname</translation>
    </message>
    <message>
        <source>--name: prefix of every generated identifier and file (include/&lt;name&gt;/&lt;name&gt;.h, &lt;name&gt;_run, ...). Default: the model file name, sanitised.</source>
        <translation type="vanished">--name: Präfix jedes erzeugten Bezeichners und jeder Datei (include/&lt;name&gt;/&lt;name&gt;.h, &lt;name&gt;_run, ...). Standard: der bereinigte Modelldateiname.</translation>
    </message>
    <message>
        <source>--interface-api: &apos;c&apos; generates &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *) with named struct members; &apos;packed&apos; generates one uniform packed-signature entrypoint for module loading.</source>
        <translation type="vanished">--interface-api: &apos;c&apos; erzeugt &lt;name&gt;_run(struct &lt;name&gt;_inputs *, struct &lt;name&gt;_outputs *) mit benannten Struct-Feldern; &apos;packed&apos; erzeugt einen einheitlichen Einstiegspunkt mit gepackter Signatur zum Laden als Modul.</translation>
    </message>
    <message>
        <source>--operators: &apos;unpacked&apos; makes each layer a static function taking typed data pointers; &apos;packed&apos; gives every layer the same signature with DLTensor-compatible descriptors.</source>
        <translation type="vanished">--operators: &apos;unpacked&apos; macht jede Schicht zu einer statischen Funktion mit typisierten Datenzeigern; &apos;packed&apos; gibt jeder Schicht dieselbe Signatur mit DLTensor-kompatiblen Deskriptoren.</translation>
    </message>
    <message>
        <source>--packed-wrappers: adds a packed wrapper beside each unpacked function and a name → function table, for host-driven inference and per-layer profiling. Default: off.</source>
        <translation type="vanished">--packed-wrappers: fügt jeder entpackten Funktion einen gepackten Wrapper und eine Tabelle Name → Funktion hinzu, für host-gesteuerte Inferenz und Profiling pro Schicht. Standard: aus.</translation>
    </message>
    <message>
        <source>--target: the core the kernels are written for; DSP/MVE variants use ACLE intrinsics. &apos;generic&apos; is portable C.</source>
        <translation type="vanished">--target: der Kern, für den die Kernels geschrieben werden; DSP/MVE-Varianten nutzen ACLE-Intrinsics. &apos;generic&apos; ist portables C.</translation>
    </message>
    <message>
        <source>--planner: the algorithm that assigns each activation an offset in its pool; changes the pool sizes in the header.</source>
        <translation type="vanished">--planner: der Algorithmus, der jeder Aktivierung einen Offset in ihrem Pool zuweist; ändert die Poolgrößen im Header.</translation>
    </message>
    <message>
        <source>--align: alignment of every buffer inside a pool (bytes, power of two).</source>
        <translation type="vanished">--align: Ausrichtung jedes Puffers innerhalb eines Pools (Bytes, Zweierpotenz).</translation>
    </message>
    <message>
        <source>--constants: &apos;flash&apos; emits const arrays the linker keeps in flash; &apos;pool&apos; expects the application to provide one constants pool (e.g. copied from external flash).</source>
        <translation type="vanished">--constants: &apos;flash&apos; erzeugt const-Arrays, die der Linker im Flash hält; &apos;pool&apos; erwartet, dass die Anwendung einen Konstanten-Pool bereitstellt (z. B. aus externem Flash kopiert).</translation>
    </message>
    <message>
        <source>--io: &apos;separate&apos; leaves input/output buffers to the application; &apos;workspace&apos; plans them inside the workspace and adds accessors returning the in-workspace pointers.</source>
        <translation type="vanished">--io: &apos;separate&apos; überlässt Ein-/Ausgabepuffer der Anwendung; &apos;workspace&apos; plant sie im Arbeitsspeicher ein und fügt Zugriffsfunktionen hinzu, die Zeiger in den Arbeitsspeicher liefern.</translation>
    </message>
    <message>
        <source>--app-pools: the application passes pool base pointers in struct &lt;name&gt;_workspace_pools instead of the generated static arrays. Default: off (static arrays).</source>
        <translation type="vanished">--app-pools: die Anwendung übergibt Pool-Basiszeiger in struct &lt;name&gt;_workspace_pools statt der erzeugten statischen Arrays. Standard: aus (statische Arrays).</translation>
    </message>
    <message>
        <source>--pool NAME:SIZE[:section=S][:align=A]: each pool becomes a uint8_t array (or an app-provided pointer). Size 0 = as large as the plan needs; sizes accept K/M suffixes.</source>
        <translation type="vanished">--pool NAME:SIZE[:section=S][:align=A]: jeder Pool wird ein uint8_t-Array (oder ein von der Anwendung gelieferter Zeiger). Größe 0 = so groß wie der Plan braucht; Größen akzeptieren K/M-Suffixe.</translation>
    </message>
    <message>
        <source>--pin TENSOR=POOL: place an activation in a given pool (e.g. a large buffer in external SRAM). Drag buffers between lanes in the Memory view to pin them.</source>
        <translation type="vanished">--pin TENSOR=POOL: legt eine Aktivierung in einen bestimmten Pool (z. B. einen großen Puffer in externes SRAM). In der Speicheransicht Puffer zwischen Bahnen ziehen, um sie anzuheften.</translation>
    </message>
    <message>
        <source>--dim TENSOR:AXIS=MIN..MAX, one per line: a dimension that varies at run time; memory is planned for MAX.</source>
        <translation type="vanished">--dim TENSOR:AXIS=MIN..MAX, eine pro Zeile: eine Dimension, die zur Laufzeit variiert; Speicher wird für MAX geplant.</translation>
    </message>
    <message>
        <location filename="../views/OptionsPanel.cpp" line="351"/>
        <source>%1 is not supported by this compiler build yet.</source>
        <translation>%1 wird von diesem Compiler noch nicht unterstützt.</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProfileView</name>
    <message>
        <location filename="../views/ProfileView.cpp" line="242"/>
        <source>Profiling… %1</source>
        <translation>Profiling… %1</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="244"/>
        <source>No profile run yet.
Choose a board in the toolbar and press Profile (Ctrl+R): the model is compiled, built into firmware, run on the board and checked against the host.</source>
        <translation>Noch kein Profiling-Lauf.
In der Werkzeugleiste ein Board wählen und Profilieren drücken (Strg+R): das Modell wird kompiliert, in Firmware gebaut, auf dem Board ausgeführt und mit dem Host verglichen.</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="246"/>
        <source>Open a model, choose a board in the toolbar and press Profile (Ctrl+R).</source>
        <translation>Ein Modell öffnen, in der Werkzeugleiste ein Board wählen und Profilieren drücken (Strg+R).</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="252"/>
        <source>cycles</source>
        <translation>Takte</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="252"/>
        <source>instructions</source>
        <translation>Instruktionen</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="254"/>
        <source>%1 on %2 · %3</source>
        <translation>%1 auf %2 · %3</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="258"/>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="258"/>
        <source>emulated (QEMU -icount)</source>
        <translation>emuliert (QEMU -icount)</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="258"/>
        <source>hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="263"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/ProfileView.cpp" line="263"/>
        <source>%1 · %n layer(s)</source>
        <translation>
            <numerusform>%1 · %n Schicht</numerusform>
            <numerusform>%1 · %n Schichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="265"/>
        <source>Time at clock</source>
        <translation>Zeit bei Taktfrequenz</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="265"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="265"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="266"/>
        <source>at %1 MHz</source>
        <translation>bei %1 MHz</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="266"/>
        <source>at %1 MHz (≈ 1 instr./cycle)</source>
        <translation>bei %1 MHz (≈ 1 Instr./Takt)</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="268"/>
        <location filename="../views/ProfileView.cpp" line="270"/>
        <location filename="../views/ProfileView.cpp" line="272"/>
        <source>Output check</source>
        <translation>Ausgabeprüfung</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="268"/>
        <source>✓ bit-exact</source>
        <translation>✓ bitgenau</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="268"/>
        <source>same bytes as the host run</source>
        <translation>dieselben Bytes wie der Host-Lauf</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="270"/>
        <source>✗ mismatch</source>
        <translation>✗ Abweichung</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="272"/>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="272"/>
        <source>no host run</source>
        <translation>kein Host-Lauf</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="273"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="273"/>
        <source>%1 flash</source>
        <translation>%1 Flash</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="274"/>
        <source>RAM %1 · stack used %2</source>
        <translation>RAM %1 · Stack belegt %2</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="276"/>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="276"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="276"/>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="276"/>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="277"/>
        <source>MACs/cycle</source>
        <translation>MACs/Takt</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="277"/>
        <source>MACs/instr.</source>
        <translation>MACs/Instr.</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="301"/>
        <source>%1 %2, %3 MACs</source>
        <translation>%1 %2, %3 MACs</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="315"/>
        <source>The whole inference measured %1 %2: the layers plus %3 in the entry function around them. Shares and time are of the whole inference.</source>
        <translation>Die gesamte Inferenz maß %1 %2: die Schichten plus %3 in der umgebenden Einstiegsfunktion. Anteile und Zeit beziehen sich auf die gesamte Inferenz.</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="318"/>
        <source>Shares and time are of the whole inference.</source>
        <translation>Anteile und Zeit beziehen sich auf die gesamte Inferenz.</translation>
    </message>
    <message>
        <location filename="../views/ProfileView.cpp" line="320"/>
        <source>Emulated board: counts are executed instructions (deterministic), not cycles; the time assumes one instruction per cycle.</source>
        <translation>Emuliertes Board: gezählt werden ausgeführte Instruktionen (deterministisch), keine Takte; die Zeit nimmt eine Instruktion pro Takt an.</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProjectController</name>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="29"/>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>Models (*.tflite *.onnx);;All files (*)</source>
        <translation type="vanished">Modelle (*.tflite *.onnx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="62"/>
        <source>%1 models (%2)</source>
        <translation>%1-Modelle (%2)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="64"/>
        <source>Models (%1)</source>
        <translation>Modelle (%1)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="64"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="71"/>
        <source>projects are not saved: %1</source>
        <translation>Projekte werden nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="76"/>
        <source>Project database damaged</source>
        <translation>Projektdatenbank beschädigt</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="80"/>
        <source>Start a Fresh Database</source>
        <translation>Neue Datenbank anlegen</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="81"/>
        <source>Continue Without Saving</source>
        <translation>Ohne Speichern fortfahren</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="85"/>
        <source>started a fresh project database: %1</source>
        <translation>neue Projektdatenbank angelegt: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="124"/>
        <source>the model file changed since the project was saved; its options were kept, check pins and names</source>
        <translation>die Modelldatei hat sich seit dem Speichern des Projekts geändert; die Optionen wurden beibehalten, Pins und Namen prüfen</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="200"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="205"/>
        <source>&amp;Open Model…</source>
        <translation>Modell ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="206"/>
        <source>Open &amp;Example Model</source>
        <translation>&amp;Beispielmodell öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="207"/>
        <source>&amp;Save Project</source>
        <translation>Projekt &amp;speichern</translation>
    </message>
    <message>
        <location filename="../app/studio/ProjectController.cpp" line="208"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
</context>
<context>
    <name>ember::studio::ProjectStore</name>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="524"/>
        <location filename="../app/model/ProjectStore.cpp" line="527"/>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="525"/>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="525"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="533"/>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <location filename="../app/model/ProjectStore.cpp" line="535"/>
        <location filename="../app/model/ProjectStore.cpp" line="541"/>
        <location filename="../app/model/ProjectStore.cpp" line="546"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>ember::studio::PropertiesPanel</name>
    <message numerus="yes">
        <location filename="../views/SummaryPanel.cpp" line="152"/>
        <source>%n per-channel scales and zero points (axis %1)</source>
        <translation>
            <numerusform>%n kanalweise Skala und Nullpunkt (Achse %1)</numerusform>
            <numerusform>%n kanalweise Skalen und Nullpunkte (Achse %1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="155"/>
        <source>channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="155"/>
        <source>scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="155"/>
        <source>zero point</source>
        <translation>Nullpunkt</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="170"/>
        <source>pool</source>
        <translation>Pool</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="171"/>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="179"/>
        <source>Select a node in the graph to see its attributes, tensors and planned buffers.</source>
        <translation>Einen Knoten im Graphen auswählen, um Attribute, Tensoren und geplante Puffer zu sehen.</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="183"/>
        <source>constant</source>
        <translation>Konstante</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="188"/>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="197"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="202"/>
        <source>Padding</source>
        <translation>Auffüllung</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="203"/>
        <source>Stride</source>
        <translation>Schrittweite</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="205"/>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="207"/>
        <source>Dilation</source>
        <translation>Dilatation</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="209"/>
        <source>Depth multiplier</source>
        <translation>Tiefenmultiplikator</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="210"/>
        <source>Beta</source>
        <translation>Beta</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="211"/>
        <source>Axis</source>
        <translation>Achse</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="212"/>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="213"/>
        <source>Activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="228"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="229"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="229"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="231"/>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="234"/>
        <source>Outputs</source>
        <translation>Ausgänge</translation>
    </message>
</context>
<context>
    <name>ember::studio::Session</name>
    <message>
        <location filename="../app/model/Session.cpp" line="19"/>
        <source>cannot open &apos;%1&apos;: no such file; check the path or pick another model</source>
        <translation>&apos;%1&apos; kann nicht geöffnet werden: Datei nicht vorhanden; Pfad prüfen oder ein anderes Modell wählen</translation>
    </message>
    <message>
        <location filename="../app/model/Session.cpp" line="30"/>
        <source>cannot import &apos;%1&apos;; the file is not a supported model</source>
        <translation>&apos;%1&apos; kann nicht importiert werden; die Datei ist kein unterstütztes Modell</translation>
    </message>
    <message>
        <location filename="../app/model/Session.cpp" line="47"/>
        <source>opened %1 (%2 operators, %3 tensors)</source>
        <translation>%1 geöffnet (%2 Operatoren, %3 Tensoren)</translation>
    </message>
    <message>
        <location filename="../app/model/Session.cpp" line="72"/>
        <source>cannot write the example model to &apos;%1&apos;; check that the folder is writable</source>
        <translation>Beispielmodell kann nicht nach &apos;%1&apos; geschrieben werden; prüfen, ob der Ordner beschreibbar ist</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/model/Session.cpp" line="288"/>
        <source>cannot compile: %n operator(s) not supported (%1); first: #%2 %3: %4</source>
        <translation>
            <numerusform>Erstellen nicht möglich: %n Operator nicht unterstützt (%1); erster: #%2 %3: %4</numerusform>
            <numerusform>Erstellen nicht möglich: %n Operatoren nicht unterstützt (%1); erster: #%2 %3: %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::SettingsDialog</name>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="42"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="44"/>
        <source>Host C compiler</source>
        <translation>Host-C-Compiler</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="44"/>
        <source>Used by Build ▸ Check with Host Compiler to compile the package warning-free.</source>
        <translation>Wird von Erstellen ▸ Mit Host-Compiler prüfen verwendet, um das Paket ohne Warnungen zu kompilieren.</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="45"/>
        <source>arm-none-eabi-gcc</source>
        <translation>arm-none-eabi-gcc</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="45"/>
        <source>Cross compiler for board firmware.</source>
        <translation>Cross-Compiler für Board-Firmware.</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="46"/>
        <source>OpenOCD</source>
        <translation>OpenOCD</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="46"/>
        <source>Flashes and debugs boards over SWD/JTAG.</source>
        <translation>Flasht und debuggt Boards über SWD/JTAG.</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="47"/>
        <source>QEMU</source>
        <translation>QEMU</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="47"/>
        <source>qemu-system-arm, runs emulated boards.</source>
        <translation>qemu-system-arm, führt emulierte Boards aus.</translation>
    </message>
    <message>
        <location filename="../views/SettingsDialog.cpp" line="51"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>ember::studio::SummaryPanel</name>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="67"/>
        <source>Open a model (File ▸ Open, drop a .tflite file here, or File ▸ Open Example).</source>
        <translation>Ein Modell öffnen (Datei ▸ Öffnen, eine .tflite-Datei hierher ziehen oder Datei ▸ Beispielmodell).</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="74"/>
        <source>Viewing only — this model cannot be compiled:</source>
        <translation>Nur Ansicht — dieses Modell kann nicht erstellt werden:</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="82"/>
        <source>alternatives: %1</source>
        <translation>Alternativen: %1</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="90"/>
        <source>Operators</source>
        <translation>Operatoren</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="91"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="92"/>
        <source>Parameter bytes</source>
        <translation>Parameter-Bytes</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="93"/>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="94"/>
        <source>Activation lower bound</source>
        <translation>Untergrenze Aktivierungen</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="95"/>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="97"/>
        <source>Outputs</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <location filename="../views/SummaryPanel.cpp" line="99"/>
        <source>Operators by type</source>
        <translation>Operatoren nach Typ</translation>
    </message>
</context>
<context>
    <name>ember::studio::ToolRunner</name>
    <message>
        <location filename="../app/model/ToolRunner.cpp" line="20"/>
        <source>cannot start &apos;%1&apos;: %2; set its path in Settings</source>
        <translation>&apos;%1&apos; kann nicht gestartet werden: %2; den Pfad in den Einstellungen setzen</translation>
    </message>
</context>
<context>
    <name>ember::studio::ValidationPanel</name>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="116"/>
        <source>Input data</source>
        <translation>Eingabedaten</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="117"/>
        <source>Input data (*.npy *.bin *.raw);;All files (*)</source>
        <translation>Eingabedaten (*.npy *.bin *.raw);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="121"/>
        <source>Folder of input files</source>
        <translation>Ordner mit Eingabedateien</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="125"/>
        <source>Float reference model</source>
        <translation>Float-Referenzmodell</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="125"/>
        <source>TFLite models (*.tflite)</source>
        <translation>TFLite-Modelle (*.tflite)</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="144"/>
        <source>Input data:</source>
        <translation>Eingabedaten:</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="145"/>
        <source>random:SEED (seeded random inputs), a raw file (the inputs&apos; bytes, one or more cases), a folder of such files, or a .npy array (first axis = cases; float data is quantized)</source>
        <translation>random:SEED (zufällige Eingaben mit Startwert), eine Rohdatei (die Bytes der Eingänge, ein oder mehrere Fälle), ein Ordner solcher Dateien oder ein .npy-Array (erste Achse = Fälle; Float-Daten werden quantisiert)</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="147"/>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="148"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="149"/>
        <source>Cases:</source>
        <translation>Fälle:</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="150"/>
        <source>Number of random cases (random:SEED only)</source>
        <translation>Anzahl zufälliger Fälle (nur random:SEED)</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="151"/>
        <source>Float model:</source>
        <translation>Float-Modell:</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="152"/>
        <source>optional: the float .tflite this model was quantized from</source>
        <translation>optional: das Float-.tflite, aus dem dieses Modell quantisiert wurde</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="153"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="154"/>
        <source>Validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="155"/>
        <source>Build the current options if needed, run the generated C on the host against the reference executor, and compare with the float model</source>
        <translation>Bei Bedarf mit den aktuellen Optionen erstellen, das erzeugte C auf dem Host gegen den Referenz-Executor laufen lassen und mit dem Float-Modell vergleichen</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="157"/>
        <source>Per layer, this model vs the float model (layers that correspond):</source>
        <translation>Pro Schicht, dieses Modell vs. Float-Modell (entsprechende Schichten):</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="158"/>
        <source>Output</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="158"/>
        <source>Generated C vs reference</source>
        <translation>Erzeugtes C vs. Referenz</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="158"/>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>Max abs error</source>
        <translation>Max. abs. Fehler</translation>
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
        <translation>Kosinus</translation>
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
        <translation>Op</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="160"/>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="200"/>
        <source>validating…</source>
        <translation>validiere…</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="201"/>
        <source>validating: %1</source>
        <translation>validiere: %1</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="213"/>
        <source>validation failed (see Messages)</source>
        <translation>Validierung fehlgeschlagen (siehe Meldungen)</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/ValidationPanel.cpp" line="221"/>
        <source>MISMATCH (%n byte(s))</source>
        <translation>
            <numerusform>ABWEICHUNG (%n Byte)</numerusform>
            <numerusform>ABWEICHUNG (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="221"/>
        <source>bit-exact</source>
        <translation>bitgenau</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="231"/>
        <source>%1
float model: %2</source>
        <translation>%1
Float-Modell: %2</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="237"/>
        <source>generated C is bit-exact with the reference executor</source>
        <translation>erzeugtes C ist bitgenau mit dem Referenz-Executor</translation>
    </message>
    <message>
        <location filename="../views/ValidationPanel.cpp" line="238"/>
        <source>generated C DIFFERS from the reference executor</source>
        <translation>erzeugtes C WEICHT vom Referenz-Executor AB</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/ValidationPanel.cpp" line="239"/>
        <source>%n case(s) in %1 ms: %2</source>
        <translation>
            <numerusform>%n Fall in %1 ms: %2</numerusform>
            <numerusform>%n Fälle in %1 ms: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/ValidationPanel.cpp" line="241"/>
        <source>validation: %n case(s), %1</source>
        <translation>
            <numerusform>Validierung: %n Fall, %1</numerusform>
            <numerusform>Validierung: %n Fälle, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ember::studio::WelcomePage</name>
    <message>
        <location filename="../views/WelcomePage.cpp" line="93"/>
        <source>No recent models yet.</source>
        <translation>Noch keine zuletzt geöffneten Modelle.</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="100"/>
        <source>Welcome to Ember Studio</source>
        <translation>Willkommen bei Ember Studio</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="101"/>
        <source>Compile a TFLite model into dependency-free C for a microcontroller: see its graph and memory plan, tune the options, validate it on the desktop and profile it on a board.</source>
        <translation>Ein TFLite-Modell in abhängigkeitsfreies C für einen Mikrocontroller erstellen: Graph und Speicherplan ansehen, Optionen einstellen, auf dem Desktop validieren und auf einem Board messen.</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="103"/>
        <source>Open Model…</source>
        <translation>Modell öffnen…</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="104"/>
        <source>Recent models (double-click to open)</source>
        <translation>Zuletzt geöffnete Modelle (Doppelklick öffnet)</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="105"/>
        <source>Example models</source>
        <translation>Beispielmodelle</translation>
    </message>
    <message>
        <location filename="../views/WelcomePage.cpp" line="106"/>
        <source>…or drop a .tflite file anywhere on this window</source>
        <translation>…oder eine .tflite-Datei auf dieses Fenster ziehen</translation>
    </message>
</context>
</TS>
