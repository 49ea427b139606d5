// ember-studio [MODEL] [--example] [--screenshot FILE [--tab TAB] [--size WxH] [--bisect]] [--board ID]
//              [any emberc compile flag: --optimize size, --in-place fuse, --pool SPEC, ...]
//
// --screenshot renders the main window for MODEL to a PNG and exits
// (offscreen by itself when there is no display); memory, code and history
// compile first, profile (or any tab with an explicit --board) runs a
// profile on the board first (default: the first emulated board). Every
// compile flag of emberc (core/OptionTable.h) is accepted too and applied to
// the project's options. --bisect runs the model on the board layer by layer
// first (Build ▸ Run on Board Layer by Layer).
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

#include "BisectController.h"
#include "BoardJob.h"
#include "GraphView.h"
#include "HistoryView.h"
#include "MainWindow.h"
#include "StudioApp.h"
#include "ValidationPanel.h"
#include "core/OptionTable.h"

using namespace ember::studio;

namespace {

const QStringList kTabs{"graph", "memory", "code", "profile", "history", "validation", "layers", "welcome"};

int screenshot(MainWindow &w, const QString &file, const QString &tab, bool profile, QSize size, bool bisect = false)
{
    w.resize(size);
    w.show();
    const bool needsBuild = tab == "memory" || tab == "code" || tab == "history" || tab == "validation";
    if (needsBuild && w.session()->hasModel()) {
        w.compile();
        w.waitForCompile();
    }
    if (profile && w.session()->hasModel() && w.profileOnBoard()) {
        if (!w.boardJob()->waitForFinished())
            std::fprintf(stderr, "ember-studio: the profile run did not finish in time\n");
    }
    if (tab == "validation" && w.session()->buildIsCurrent() && w.validationPanel()->start())
        w.validationPanel()->waitForFinished();
    if (tab != "welcome") w.showTab(MainWindow::Tab(kTabs.indexOf(tab)));
    // Layer by layer: the result selects the divergent layer itself.
    if (bisect && w.session()->hasModel() && w.bisectController()->run()) {
        if (!w.bisectController()->job()->waitForFinished())
            std::fprintf(stderr, "ember-studio: the layer-by-layer run did not finish in time\n");
    }
    // History: with two builds recorded (same --db, run twice), compare them.
    if (tab == "history" && w.historyView()->buildCount() >= 2) w.historyView()->selectBuilds(0, 1);
    // Select a representative layer so the properties panel is not empty.
    if (!bisect && w.session()->hasModel() && !w.session()->graph()->ops.empty()) {
        const int op = int(w.session()->graph()->ops.size()) / 3;
        w.session()->selectOp(op);
        if (tab == "graph") w.graphView()->resetView();
    }
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    const QImage img = w.grab().toImage();
    // Quality 0 = strongest zlib compression (PNG stays lossless).
    if (!img.save(file, "PNG", 0)) {
        std::fprintf(stderr, "ember-studio: cannot write '%s'\n", qPrintable(file));
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char **argv)
{
    // Without a display Qt aborts with a platform-plugin message. --help,
    // --version and --screenshot need no window: they render offscreen.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        bool windowless = false;
        for (int i = 1; i < argc; ++i) {
            const QByteArray a(argv[i]);
            windowless = windowless || a == "-h" || a == "--help" || a == "--help-all" || a == "-v" || a == "--version" ||
                         a == "--screenshot" || a.startsWith("--screenshot=");
        }
        if (!windowless) {
            std::fprintf(stderr, "ember-studio: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                                 "run it in a desktop session, or render to a PNG with --screenshot FILE\n");
            return 2;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    setupApplication(app);

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Ember Studio: compile TFLite models to C for microcontrollers"));
    p.addHelpOption();
    p.addVersionOption();
    QCommandLineOption shot(QStringLiteral("screenshot"), QStringLiteral("Render the main window to FILE (PNG) and exit."), QStringLiteral("FILE"));
    QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Tab for --screenshot: graph, memory, code, profile, history, validation, layers or welcome (no model)."),
                           QStringLiteral("TAB"), QStringLiteral("graph"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size for --screenshot, WIDTHxHEIGHT."),
                            QStringLiteral("WxH"), QStringLiteral("1440x900"));
    QCommandLineOption example(QStringLiteral("example"), QStringLiteral("Open the built-in example model (ember_demo)."));
    QCommandLineOption db(QStringLiteral("database"), QStringLiteral("Project database file (default: in the user data dir)."), QStringLiteral("FILE"));
    QCommandLineOption board(QStringLiteral("board"),
                             QStringLiteral("Board for Profile/Flash (id, e.g. qemu-mps2-an386). With --screenshot: profile on it first."),
                             QStringLiteral("ID"));
    QCommandLineOption reference(QStringLiteral("reference"),
                                 QStringLiteral("Float model for the Validation tab (with --tab validation: validate against it)."),
                                 QStringLiteral("FLOAT.tflite"));
    QCommandLineOption bisect(QStringLiteral("bisect"),
                              QStringLiteral("With --screenshot: run on the board layer by layer first (default board: the first emulated one)."));
    QCommandLineOption corrupt(QStringLiteral("corrupt-layer"), QStringLiteral("Test only: with --bisect, corrupt a constant of layer N on the device."),
                               QStringLiteral("N"));
    p.addOptions({shot, tab, size, example, db, board, reference, bisect, corrupt});
    // emberc's compile flags, one per row of the option table.
    std::vector<std::pair<const ember::OptionSpec *, QCommandLineOption>> compileFlags;
    for (const ember::OptionSpec &spec : ember::compileOptionTable()) {
        const QString name = QString::fromLatin1(spec.flag).mid(2);
        const QString help = QString::fromUtf8(spec.help) + QStringLiteral(" (as in emberc)");
        compileFlags.emplace_back(&spec, spec.kind == ember::OptionKind::Flag
                                             ? QCommandLineOption(name, help)
                                             : QCommandLineOption(name, help, QString::fromUtf8(spec.metavar)));
        p.addOption(compileFlags.back().second);
    }
    p.addPositionalArgument(QStringLiteral("model"), QStringLiteral("Model file to open (.tflite)."));
    p.process(app);

    const QString tabName = p.value(tab).toLower();
    if (!kTabs.contains(tabName)) {
        std::fprintf(stderr, "ember-studio: unknown tab '%s'; use %s\n", qPrintable(tabName), qPrintable(kTabs.join(", ")));
        return 2;
    }
    const QStringList wh = p.value(size).toLower().split('x');
    const QSize shotSize = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (shotSize.width() <= 0 || shotSize.height() <= 0) {
        std::fprintf(stderr, "ember-studio: bad --size '%s'; use WIDTHxHEIGHT, e.g. 1280x720\n", qPrintable(p.value(size)));
        return 2;
    }
    // Compile flags go through the same parser as saved projects' emberc arguments.
    QStringList compileArgs;
    for (const auto &[spec, option] : compileFlags) {
        if (!p.isSet(option)) continue;
        if (spec->kind == ember::OptionKind::Flag) compileArgs << QString::fromLatin1(spec->flag);
        else
            for (const QString &v : p.values(option)) compileArgs << QString::fromLatin1(spec->flag) << v;
    }
    BuildOptions options;
    QString error;
    if (!BuildOptions::fromArgs(compileArgs, &options, &error)) {
        std::fprintf(stderr, "ember-studio: %s\n", qPrintable(error));
        return 2;
    }

    MainWindow w(p.value(db));
    if (p.isSet(board) && !w.selectBoard(p.value(board))) {
        QStringList ids;
        for (const BoardChoice &b : BoardJob::boards()) ids << b.id;
        std::fprintf(stderr, "ember-studio: unknown board '%s'; known boards: %s\n", qPrintable(p.value(board)), qPrintable(ids.join(", ")));
        return 2;
    }
    if (p.isSet(shot) && (tabName == "profile" || p.isSet(bisect)) && !p.isSet(board)) w.selectBoard(BoardJob::defaultBoard());
    if (p.isSet(corrupt)) w.bisectController()->setCorruptLayer(p.value(corrupt).toInt());
    bool opened = true;
    if (!p.positionalArguments().isEmpty()) opened = w.openModel(p.positionalArguments().first());
    else if (p.isSet(example) || (p.isSet(shot) && tabName != "welcome")) opened = w.openExample();
    if (opened && !compileArgs.isEmpty()) w.session()->setOptions(options);
    if (p.isSet(reference)) {
        ValidationRequest r = w.validationPanel()->request();
        r.reference = p.value(reference);
        w.validationPanel()->setRequest(r);
    }

    if (p.isSet(shot)) {
        if (!opened) std::fprintf(stderr, "ember-studio: the model could not be opened; the screenshot shows the error\n");
        return screenshot(w, p.value(shot), tabName, tabName == "profile" || (p.isSet(board) && !p.isSet(bisect)), shotSize,
                          p.isSet(bisect));
    }
    w.show();
    return app.exec();
}
