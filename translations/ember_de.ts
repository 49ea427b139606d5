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
    <name>ember::studio</name>
    <message>
        <source>constants</source>
        <translation>Konstanten</translation>
    </message>
    <message>
        <source>firmware (measured)</source>
        <translation>Firmware (gemessen)</translation>
    </message>
    <message>
        <source>code (estimate)</source>
        <translation>Code (Schätzung)</translation>
    </message>
    <message>
        <source>pool '%1'</source>
        <translation>Pool '%1'</translation>
    </message>
    <message>
        <source>I/O buffers</source>
        <translation>E/A-Puffer</translation>
    </message>
    <message>
        <source>stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Estimated instructions for %1%2.</source>
        <translation>Geschätzte Instruktionen für %1%2.</translation>
    </message>
    <message>
        <source>a generic Cortex-M core</source>
        <translation>einen generischen Cortex-M-Kern</translation>
    </message>
    <message>
        <source>, calibrated on the last profile</source>
        <translation>, an der letzten Messung kalibriert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Param bytes</source>
        <translation>Parameter-Bytes</translation>
    </message>
    <message>
        <source>Activation bytes</source>
        <translation>Aktivierungs-Bytes</translation>
    </message>
    <message>
        <source>Live RAM</source>
        <translation>Belegter RAM</translation>
    </message>
    <message>
        <source>Est. instructions</source>
        <translation>Gesch. Instruktionen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
</context>
<context>
    <name>ember::studio::BisectController</name>
    <message>
        <source>layer-by-layer run cancelled; QEMU stopped</source>
        <translation>Lauf Schicht für Schicht abgebrochen; QEMU beendet</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>layer-by-layer run on %1 failed: %2</source>
        <translation>Lauf Schicht für Schicht auf %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>nothing to run; open a model first</source>
        <translation>nichts auszuführen; zuerst ein Modell öffnen</translation>
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
        <source>the Validation tab's input %1 is not one raw file; using a seeded random input</source>
        <translation>die Eingabe %1 im Reiter Validierung ist keine einzelne Rohdatei; es wird eine reproduzierbare Zufallseingabe verwendet</translation>
    </message>
    <message>
        <source>running on %1 layer by layer: %2</source>
        <translation>Schicht für Schicht auf %1: %2</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>a layer-by-layer run of %1 ended after another model was opened; its result was dropped</source>
        <translation>ein Lauf Schicht für Schicht von %1 endete, nachdem ein anderes Modell geöffnet wurde; sein Ergebnis wurde verworfen</translation>
    </message>
    <message>
        <source>≠ first divergent layer (%1 bytes differ)</source>
        <translation>≠ erste abweichende Schicht (%1 Bytes verschieden)</translation>
    </message>
    <message>
        <source>Run on Board &amp;Layer by Layer</source>
        <translation>Auf dem Board &amp;Schicht für Schicht ausführen</translation>
    </message>
    <message>
        <source>Build the firmware with the RPC server, run every layer on the selected board and compare it with the host reference; the first layer that differs is highlighted (Ctrl+Shift+R)</source>
        <translation>Firmware mit RPC-Server bauen, jede Schicht auf dem gewählten Board ausführen und mit der Host-Referenz vergleichen; die erste abweichende Schicht wird hervorgehoben (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Layer by Layer</source>
        <translation>Schicht für Schicht</translation>
    </message>
</context>
<context>
    <name>ember::studio::BisectPanel</name>
    <message>
        <source>Running on the board layer by layer: %1</source>
        <translation>Auf dem Board Schicht für Schicht: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;All %1 layers identical&lt;/b&gt; on %2 and the host reference (%3).</source>
        <translation>&lt;b&gt;Alle %1 Schichten identisch&lt;/b&gt; auf %2 und in der Host-Referenz (%3).</translation>
    </message>
    <message>
        <source>&lt;b&gt;First divergent layer %1&lt;/b&gt; '%2' (%3) on %4: output &lt;b&gt;%5&lt;/b&gt; %6 — &lt;span style='color:#c62828'&gt;&lt;b&gt;%7 of %8 bytes differ&lt;/b&gt;&lt;/span&gt; (%9 of %10 elements), max difference &lt;b&gt;%11&lt;/b&gt;. Device (left) vs host reference (right); input: %12.%13</source>
        <translation>&lt;b&gt;Erste abweichende Schicht %1&lt;/b&gt; '%2' (%3) auf %4: Ausgabe &lt;b&gt;%5&lt;/b&gt; %6 — &lt;span style='color:#c62828'&gt;&lt;b&gt;%7 von %8 Bytes verschieden&lt;/b&gt;&lt;/span&gt; (%9 von %10 Elementen), größte Differenz &lt;b&gt;%11&lt;/b&gt;. Gerät (links) gegen Host-Referenz (rechts); Eingabe: %12.%13</translation>
    </message>
    <message>
        <source> Showing the first %1 rows.</source>
        <translation> Die ersten %1 Zeilen werden gezeigt.</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Only differing</source>
        <translation>Nur abweichende</translation>
    </message>
    <message>
        <source>Run on Board Layer by Layer (Build menu) compares every layer's output on the board with the host reference; the first that differs shows here.</source>
        <translation>„Auf dem Board Schicht für Schicht ausführen“ (Menü Build) vergleicht die Ausgabe jeder Schicht auf dem Board mit der Host-Referenz; die erste abweichende erscheint hier.</translation>
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
        <source>%1 not done: the compile was cancelled</source>
        <translation>%1 nicht ausgeführt: das Erstellen wurde abgebrochen</translation>
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
        <source>compile failed without a diagnostic</source>
        <translation>Kompilierung ohne Diagnose fehlgeschlagen</translation>
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
        <source>, flash %1 (measured on %2)</source>
        <translation>, Flash %1 (gemessen auf %2)</translation>
    </message>
    <message>
        <source>recompiled %1 for the changed options in %2 ms (C source %3)</source>
        <translation>%1 für die geänderten Optionen in %2 ms neu erstellt (C-Quelltext %3)</translation>
    </message>
    <message>
        <source>compiled %1 in %2 ms: %3 files, RAM %4, constants %5, C source %6%7</source>
        <translation>%1 in %2 ms erstellt: %3 Dateien, RAM %4, Konstanten %5, C-Quelltext %6%7</translation>
    </message>
    <message>
        <source>%1 not done: the current options do not compile (see above)</source>
        <translation>%1 nicht ausgeführt: die aktuellen Optionen lassen sich nicht erstellen (siehe oben)</translation>
    </message>
    <message>
        <source>nothing to %1; open a model first</source>
        <translation>nichts zum %1; zuerst ein Modell öffnen</translation>
    </message>
    <message>
        <source>the options changed since the last build; compiling before: %1</source>
        <translation>die Optionen haben sich seit dem letzten Erstellen geändert; erst erstellen, dann: %1</translation>
    </message>
    <message>
        <source>nothing to export; open a model first</source>
        <translation>nichts zu exportieren; zuerst ein Modell öffnen</translation>
    </message>
    <message>
        <source>export</source>
        <translation>exportieren</translation>
    </message>
    <message>
        <source>check with the host compiler</source>
        <translation>mit dem Host-Compiler prüfen</translation>
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
    <name>ember::studio::CapacityBars</name>
    <message>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <source>RAM</source>
        <translation>RAM</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <source>%1 of %2 — does not fit</source>
        <translation>%1 von %2 — passt nicht</translation>
    </message>
    <message>
        <source>pools whose section is in no region of this board: %1</source>
        <translation>Pools, deren Section in keinem Bereich dieses Boards liegt: %1</translation>
    </message>
    <message>
        <source> (estimate)</source>
        <translation> (Schätzung)</translation>
    </message>
</context>
<context>
    <name>ember::studio::CodeView</name>
    <message>
        <source>Options changed — this code is from the previous build; recompiling… (if it stays, the options do not compile: see the Options panel, or press Ctrl+B)</source>
        <translation>Optionen geändert — dieser Code stammt vom vorigen Erstellen; wird neu erstellt… (bleibt diese Leiste, lassen sich die Optionen nicht erstellen: siehe Optionen, oder Strg+B)</translation>
    </message>
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
        <source>%n file(s), %1 of C source</source>
        <translation>
            <numerusform>%n Datei, %1 C-Quelltext</numerusform>
            <numerusform>%n Dateien, %1 C-Quelltext</numerusform>
        </translation>
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
        <source>Not supported: %1</source>
        <translation>Nicht unterstützt: %1</translation>
    </message>
    <message>
        <source>No supported alternative known; see Help ▸ Supported Operators.</source>
        <translation>Keine unterstützte Alternative bekannt; siehe Hilfe ▸ Unterstützte Operatoren.</translation>
    </message>
    <message>
        <source>Supported alternatives: %1</source>
        <translation>Unterstützte Alternativen: %1</translation>
    </message>
    <message>
        <source>%1 %2 (%3% of the run on %4)</source>
        <translation>%1 %2 (%3 % des Laufs auf %4)</translation>
    </message>
    <message>
        <source>no match · %1</source>
        <translation>kein Treffer · %1</translation>
    </message>
    <message>
        <source>match %1 of %2 · %3</source>
        <translation>Treffer %1 von %2 · %3</translation>
    </message>
    <message>
        <source>Go to Code</source>
        <translation>Zum Code springen</translation>
    </message>
    <message>
        <source>Pin Output to Pool</source>
        <translation>Ausgabe an Pool binden</translation>
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
        <source>Copy Name</source>
        <translation>Namen kopieren</translation>
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
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Profile runs and flashes (double-click a run to show it in the Profile tab)</source>
        <translation>Profiling-Läufe und Flash-Vorgänge (Doppelklick zeigt einen Lauf im Tab Profil)</translation>
    </message>
    <message>
        <source>Restore Options</source>
        <translation>Optionen wiederherstellen</translation>
    </message>
    <message>
        <source>Put the options of the selected build or run back into the Options panel</source>
        <translation>Die Optionen der gewählten Erstellung oder des Laufs zurück ins Optionsfeld übernehmen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected history entries (asks first)</source>
        <translation>Die gewählten Verlaufseinträge löschen (mit Rückfrage)</translation>
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
        <source>flash · %1</source>
        <translation>Flashen · %1</translation>
    </message>
    <message>
        <source>flash failed</source>
        <translation>Flashen fehlgeschlagen</translation>
    </message>
    <message>
        <source>run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
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
        <source>Select two builds to compare them.</source>
        <translation>Zwei Builds auswählen, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>instructions</source>
        <translation>Instruktionen</translation>
    </message>
    <message>
        <source>cycles</source>
        <translation>Takte</translation>
    </message>
    <message>
        <source>C source</source>
        <translation>C-Quelltext</translation>
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
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>+%1 −%2 lines</source>
        <translation>+%1 −%2 Zeilen</translation>
    </message>
    <message>
        <source>These builds were recorded without their files (older history).</source>
        <translation>Diese Erstellungen wurden ohne ihre Dateien aufgezeichnet (älterer Verlauf).</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message numerus="yes">
        <source>(%n unchanged; click a file for its diff)</source>
        <translation>
            <numerusform>(%n unverändert; Datei anklicken für ihre Unterschiede)</numerusform>
            <numerusform>(%n unverändert; Datei anklicken für ihre Unterschiede)</numerusform>
        </translation>
    </message>
    <message>
        <source>◂ back to the comparison</source>
        <translation>◂ zurück zum Vergleich</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>identisch</translation>
    </message>
    <message>
        <source>Delete history entries</source>
        <translation>Verlaufseinträge löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n selected history entries? This cannot be undone; other entries, the project and its options are kept.</source>
        <translation>
            <numerusform>Den gewählten Verlaufseintrag löschen? Das lässt sich nicht rückgängig machen; andere Einträge, das Projekt und seine Optionen bleiben erhalten.</numerusform>
            <numerusform>%n gewählte Verlaufseinträge löschen? Das lässt sich nicht rückgängig machen; andere Einträge, das Projekt und seine Optionen bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select two profile runs to compare them.</source>
        <translation>Zwei Profiling-Läufe auswählen, um sie zu vergleichen.</translation>
    </message>
</context>
<context>
    <name>ember::studio::IdeCommandsDialog</name>
    <message>
        <source>IDE Commands</source>
        <translation>IDE-Befehle</translation>
    </message>
    <message>
        <source>The command that opens a project folder in each IDE, started without a shell. {dir} is the folder, {project} its CMakeLists.txt (or the folder).</source>
        <translation>Der Befehl, der einen Projektordner in der jeweiligen IDE öffnet, ohne Shell gestartet. {dir} ist der Ordner, {project} seine CMakeLists.txt (oder der Ordner).</translation>
    </message>
</context>
<context>
    <name>ember::studio::IdeController</name>
    <message>
        <source>the command '%1' has an unbalanced quote</source>
        <translation>der Befehl '%1' hat ein unpaariges Anführungszeichen</translation>
    </message>
    <message>
        <source>the command is empty; set one in Open in IDE ▸ IDE Commands…</source>
        <translation>der Befehl ist leer; einen unter In IDE öffnen ▸ IDE-Befehle… festlegen</translation>
    </message>
    <message>
        <source>Export firmware project to folder</source>
        <translation>Firmware-Projekt in Ordner exportieren</translation>
    </message>
    <message>
        <source>Choose the project folder</source>
        <translation>Projektordner wählen</translation>
    </message>
    <message>
        <source>nothing to export; compile the model first</source>
        <translation>nichts zu exportieren; zuerst das Modell übersetzen</translation>
    </message>
    <message>
        <source>firmware project for %1 exported to %2; build it with cmake, or open it in your IDE (File ▸ Open in IDE)</source>
        <translation>Firmware-Projekt für %1 nach %2 exportiert; mit cmake erstellen oder in der IDE öffnen (Datei ▸ In IDE öffnen)</translation>
    </message>
    <message>
        <source>cannot start %1 ('%2'); install it or change its command in Open in IDE ▸ IDE Commands…</source>
        <translation>%1 kann nicht gestartet werden ('%2'); installieren oder den Befehl unter In IDE öffnen ▸ IDE-Befehle… ändern</translation>
    </message>
    <message>
        <source>opened %1 in %2</source>
        <translation>%1 in %2 geöffnet</translation>
    </message>
    <message>
        <source>no file manager could open %1</source>
        <translation>kein Dateimanager konnte %1 öffnen</translation>
    </message>
    <message>
        <source>Export &amp;Firmware Project…</source>
        <translation>&amp;Firmware-Projekt exportieren…</translation>
    </message>
    <message>
        <source>Write a CMake firmware project for the selected board; with Ember installed it recompiles the model on every build</source>
        <translation>Ein CMake-Firmware-Projekt für das gewählte Board schreiben; mit installiertem Ember wird das Modell bei jedem Erstellen neu erstellt</translation>
    </message>
    <message>
        <source>Open in &amp;IDE</source>
        <translation>In &amp;IDE öffnen</translation>
    </message>
    <message>
        <source>IDE &amp;Commands…</source>
        <translation>IDE-&amp;Befehle…</translation>
    </message>
    <message>
        <source>&amp;Reveal in File Manager</source>
        <translation>Im Datei&amp;manager zeigen</translation>
    </message>
    <message>
        <source>the exported folder (asked for when none is exported yet)</source>
        <translation>der exportierte Ordner (wird erfragt, solange keiner exportiert ist)</translation>
    </message>
</context>
<context>
    <name>ember::studio::LayerBisectJob</name>
    <message>
        <source>all %1 layers identical on %2 and the host (%3)</source>
        <translation>alle %1 Schichten identisch auf %2 und dem Host (%3)</translation>
    </message>
    <message>
        <source>first divergent layer on %1: %2 '%3' (%4): output '%5' %6 differs in %7 of %8 bytes, max difference %9 (%10)</source>
        <translation>erste abweichende Schicht auf %1: %2 '%3' (%4): Ausgabe '%5' %6 weicht in %7 von %8 Bytes ab, größte Differenz %9 (%10)</translation>
    </message>
    <message>
        <source>a layer-by-layer run is already going; wait for it or cancel it</source>
        <translation>ein Lauf Schicht für Schicht läuft bereits; abwarten oder abbrechen</translation>
    </message>
    <message>
        <source>cannot read the input file %1; give one raw file (the Validation tab's input) or leave it empty for a seeded random input</source>
        <translation>die Eingabedatei %1 kann nicht gelesen werden; eine Rohdatei angeben (Eingabe im Reiter Validierung) oder leer lassen für eine reproduzierbare Zufallseingabe</translation>
    </message>
    <message>
        <source>input file %1</source>
        <translation>Eingabedatei %1</translation>
    </message>
    <message>
        <source>the model has no inputs</source>
        <translation>das Modell hat keine Eingaben</translation>
    </message>
    <message>
        <source>seeded random input (seed %1)</source>
        <translation>reproduzierbare Zufallseingabe (Startwert %1)</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for the firmware: %1</source>
        <translation>temporärer Ordner für die Firmware kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>layer-by-layer run cancelled</source>
        <translation>Lauf Schicht für Schicht abgebrochen</translation>
    </message>
    <message>
        <source>compiling with packed wrappers</source>
        <translation>Übersetzung mit gepackten Wrappern</translation>
    </message>
    <message>
        <source>running the host reference</source>
        <translation>Host-Referenz wird ausgeführt</translation>
    </message>
    <message>
        <source>building the RPC firmware and booting %1</source>
        <translation>RPC-Firmware wird gebaut und %1 gestartet</translation>
    </message>
    <message>
        <source>layer %1 of %2: %3</source>
        <translation>Schicht %1 von %2: %3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>this studio was built without board support; rebuild with the flashers library</source>
        <translation>dieses Studio wurde ohne Board-Unterstützung gebaut; mit der flashers-Bibliothek neu bauen</translation>
    </message>
</context>
<context>
    <name>ember::studio::LayerReportView</name>
    <message>
        <source>Export layer report</source>
        <translation>Schichtbericht exportieren</translation>
    </message>
    <message>
        <source>layer report written to %1</source>
        <translation>Schichtbericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>cannot write '%1'; check the folder's permissions</source>
        <translation>'%1' kann nicht geschrieben werden; Ordnerrechte prüfen</translation>
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
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Param bytes</source>
        <translation>Parameter-Bytes</translation>
    </message>
    <message>
        <source>Activation bytes</source>
        <translation>Aktivierungs-Bytes</translation>
    </message>
    <message>
        <source>Live RAM</source>
        <translation>Belegter RAM</translation>
    </message>
    <message>
        <source>Est. instructions</source>
        <translation>Gesch. Instruktionen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>HTML exportieren…</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) · %1 MACs · ≈ %2 instructions on %3%4</source>
        <translation>
            <numerusform>%n Schicht · %1 MACs · ≈ %2 Instruktionen auf %3%4</numerusform>
            <numerusform>%n Schichten · %1 MACs · ≈ %2 Instruktionen auf %3%4</numerusform>
        </translation>
    </message>
    <message>
        <source>a generic Cortex-M</source>
        <translation>einem generischen Cortex-M</translation>
    </message>
    <message>
        <source> (calibrated on the last profile)</source>
        <translation> (an der letzten Messung kalibriert)</translation>
    </message>
    <message>
        <source> (estimate; a profile on the board calibrates it)</source>
        <translation> (Schätzung; eine Messung auf dem Board kalibriert sie)</translation>
    </message>
</context>
<context>
    <name>ember::studio::MainWindow</name>
    <message>
        <source>compile first (Ctrl+B) to see the generated function of this layer</source>
        <translation>zuerst übersetzen (Strg+B), um die erzeugte Funktion dieser Schicht zu sehen</translation>
    </message>
    <message>
        <source>validate</source>
        <translation>validieren</translation>
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
        <source>Version %1 (commit %2)</source>
        <translation>Version %1 (Commit %2)</translation>
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
        <source>Supported &amp;Operators…</source>
        <translation>Unterstützte &amp;Operatoren…</translation>
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
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
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
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
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
        <source>options restored from the history; compile (Ctrl+B) to build them</source>
        <translation>Optionen aus dem Verlauf wiederhergestellt; mit Strg+B erstellen</translation>
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
        <source>planning failed: %1</source>
        <translation>Planung fehlgeschlagen: %1</translation>
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
        <source>in</source>
        <translation>Eing.</translation>
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
        <source>size auto</source>
        <translation>Größe automatisch</translation>
    </message>
    <message>
        <source>app-provided</source>
        <translation>von der Anwendung</translation>
    </message>
    <message>
        <source>step →</source>
        <translation>Schritt →</translation>
    </message>
    <message>
        <source>execution step (operator index) — a buffer spans the steps it is live</source>
        <translation>Ausführungsschritt (Operator-Index) — ein Puffer reicht über die Schritte, in denen er lebt</translation>
    </message>
    <message>
        <source>capacity %1 — %2 short</source>
        <translation>Kapazität %1 — %2 zu wenig</translation>
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
    <message>
        <source>&lt;br&gt;alias of &lt;b&gt;%1&lt;/b&gt; (no copy)</source>
        <translation>&lt;br&gt;Alias von &lt;b&gt;%1&lt;/b&gt; (keine Kopie)</translation>
    </message>
    <message>
        <source>&lt;br&gt;in place over &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;br&gt;direkt über &lt;b&gt;%1&lt;/b&gt; geschrieben</translation>
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
    <name>ember::studio::OperatorsDialog</name>
    <message>
        <source>Supported Operators</source>
        <translation>Unterstützte Operatoren</translation>
    </message>
    <message>
        <source>%1 TFLite operators compile to C with TFLite Micro's exact arithmetic. A model with any other operator is refused with the operator named.</source>
        <translation>%1 TFLite-Operatoren werden mit der exakten Arithmetik von TFLite Micro nach C erstellt. Ein Modell mit einem anderen Operator wird mit dessen Namen abgelehnt.</translation>
    </message>
    <message>
        <source>Filter by operator or type…</source>
        <translation>Nach Operator oder Typ filtern…</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Typen</translation>
    </message>
</context>
<context>
    <name>ember::studio::OptionsPanel</name>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Unchecked packed calls</source>
        <translation>Ungeprüfte gepackte Aufrufe</translation>
    </message>
    <message>
        <source>App-provided pools</source>
        <translation>Von der Anwendung bereitgestellte Pools</translation>
    </message>
    <message>
        <source>ONNX I/O layout</source>
        <translation>ONNX-E/A-Layout</translation>
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
        <source>auto</source>
        <translation>auto</translation>
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
        <source>Target core</source>
        <translation>Zielkern</translation>
    </message>
    <message>
        <source>In-place memory</source>
        <translation>Speicher an Ort und Stelle</translation>
    </message>
    <message>
        <source>Optimize for</source>
        <translation>Optimieren für</translation>
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
        <source>Packed wrappers</source>
        <translation>Packed-Wrapper</translation>
    </message>
    <message>
        <source>model file name</source>
        <translation>Modelldateiname</translation>
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
        <source>instructions</source>
        <translation>Instruktionen</translation>
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
        <source>%1 models (%2)</source>
        <translation>%1-Modelle (%2)</translation>
    </message>
    <message>
        <source>Models (%1)</source>
        <translation>Modelle (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>projects are not saved: %1</source>
        <translation>Projekte werden nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Project database damaged</source>
        <translation>Projektdatenbank beschädigt</translation>
    </message>
    <message>
        <source>Start a Fresh Database</source>
        <translation>Neue Datenbank anlegen</translation>
    </message>
    <message>
        <source>Continue Without Saving</source>
        <translation>Ohne Speichern fortfahren</translation>
    </message>
    <message>
        <source>started a fresh project database: %1</source>
        <translation>neue Projektdatenbank angelegt: %1</translation>
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
    <name>ember::studio::ProjectStore</name>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>ember::studio::PropertiesPanel</name>
    <message numerus="yes">
        <source>%n per-channel scales and zero points (axis %1)</source>
        <translation>
            <numerusform>%n kanalweise Skala und Nullpunkt (Achse %1)</numerusform>
            <numerusform>%n kanalweise Skalen und Nullpunkte (Achse %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <source>zero point</source>
        <translation>Nullpunkt</translation>
    </message>
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
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <source>no buffer: streamed row by row inside a fused layer (%1 B of stack)</source>
        <translation>kein Puffer: zeilenweise in einer fusionierten Schicht berechnet (%1 B Stack)</translation>
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
    <message numerus="yes">
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
        <source>Viewing only — this model cannot be compiled:</source>
        <translation>Nur Ansicht — dieses Modell kann nicht erstellt werden:</translation>
    </message>
    <message>
        <source>alternatives: %1</source>
        <translation>Alternativen: %1</translation>
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
    <message>
        <source>Activation lower bound (no in-place)</source>
        <translation>Untergrenze Aktivierungen (ohne In-place)</translation>
    </message>
</context>
<context>
    <name>ember::studio::ToolRunner</name>
    <message>
        <source>cannot start '%1': %2; set its path in Settings</source>
        <translation>'%1' kann nicht gestartet werden: %2; den Pfad in den Einstellungen setzen</translation>
    </message>
</context>
<context>
    <name>ember::studio::ValidationPanel</name>
    <message>
        <source>Input data</source>
        <translation>Eingabedaten</translation>
    </message>
    <message>
        <source>Input data (*.npy *.bin *.raw);;All files (*)</source>
        <translation>Eingabedaten (*.npy *.bin *.raw);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Folder of input files</source>
        <translation>Ordner mit Eingabedateien</translation>
    </message>
    <message>
        <source>Float reference model</source>
        <translation>Float-Referenzmodell</translation>
    </message>
    <message>
        <source>TFLite models (*.tflite)</source>
        <translation>TFLite-Modelle (*.tflite)</translation>
    </message>
    <message>
        <source>Input data:</source>
        <translation>Eingabedaten:</translation>
    </message>
    <message>
        <source>random:SEED (seeded random inputs), a raw file (the inputs' bytes, one or more cases), a folder of such files, or a .npy array (first axis = cases; float data is quantized)</source>
        <translation>random:SEED (zufällige Eingaben mit Startwert), eine Rohdatei (die Bytes der Eingänge, ein oder mehrere Fälle), ein Ordner solcher Dateien oder ein .npy-Array (erste Achse = Fälle; Float-Daten werden quantisiert)</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Cases:</source>
        <translation>Fälle:</translation>
    </message>
    <message>
        <source>Number of random cases (random:SEED only)</source>
        <translation>Anzahl zufälliger Fälle (nur random:SEED)</translation>
    </message>
    <message>
        <source>Float model:</source>
        <translation>Float-Modell:</translation>
    </message>
    <message>
        <source>optional: the float .tflite this model was quantized from</source>
        <translation>optional: das Float-.tflite, aus dem dieses Modell quantisiert wurde</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <source>Build the current options if needed, run the generated C on the host against the reference executor, and compare with the float model</source>
        <translation>Bei Bedarf mit den aktuellen Optionen erstellen, das erzeugte C auf dem Host gegen den Referenz-Executor laufen lassen und mit dem Float-Modell vergleichen</translation>
    </message>
    <message>
        <source>Per layer, this model vs the float model (layers that correspond):</source>
        <translation>Pro Schicht, dieses Modell vs. Float-Modell (entsprechende Schichten):</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Generated C vs reference</source>
        <translation>Erzeugtes C vs. Referenz</translation>
    </message>
    <message>
        <source>Max abs error</source>
        <translation>Max. abs. Fehler</translation>
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
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>validating…</source>
        <translation>validiere…</translation>
    </message>
    <message>
        <source>validating: %1</source>
        <translation>validiere: %1</translation>
    </message>
    <message>
        <source>validation failed (see Messages)</source>
        <translation>Validierung fehlgeschlagen (siehe Meldungen)</translation>
    </message>
    <message numerus="yes">
        <source>MISMATCH (%n byte(s))</source>
        <translation>
            <numerusform>ABWEICHUNG (%n Byte)</numerusform>
            <numerusform>ABWEICHUNG (%n Bytes)</numerusform>
        </translation>
    </message>
    <message>
        <source>bit-exact</source>
        <translation>bitgenau</translation>
    </message>
    <message>
        <source>%1
float model: %2</source>
        <translation>%1
Float-Modell: %2</translation>
    </message>
    <message>
        <source>generated C is bit-exact with the reference executor</source>
        <translation>erzeugtes C ist bitgenau mit dem Referenz-Executor</translation>
    </message>
    <message>
        <source>generated C DIFFERS from the reference executor</source>
        <translation>erzeugtes C WEICHT vom Referenz-Executor AB</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) in %1 ms: %2</source>
        <translation>
            <numerusform>%n Fall in %1 ms: %2</numerusform>
            <numerusform>%n Fälle in %1 ms: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
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
        <source>No recent models yet.</source>
        <translation>Noch keine zuletzt geöffneten Modelle.</translation>
    </message>
    <message>
        <source>Welcome to Ember Studio</source>
        <translation>Willkommen bei Ember Studio</translation>
    </message>
    <message>
        <source>Compile a TFLite model into dependency-free C for a microcontroller: see its graph and memory plan, tune the options, validate it on the desktop and profile it on a board.</source>
        <translation>Ein TFLite-Modell in abhängigkeitsfreies C für einen Mikrocontroller erstellen: Graph und Speicherplan ansehen, Optionen einstellen, auf dem Desktop validieren und auf einem Board messen.</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>Modell öffnen…</translation>
    </message>
    <message>
        <source>Recent models (double-click to open)</source>
        <translation>Zuletzt geöffnete Modelle (Doppelklick öffnet)</translation>
    </message>
    <message>
        <source>Example models</source>
        <translation>Beispielmodelle</translation>
    </message>
    <message>
        <source>…or drop a .tflite file anywhere on this window</source>
        <translation>…oder eine .tflite-Datei auf dieses Fenster ziehen</translation>
    </message>
</context>
</TS>
