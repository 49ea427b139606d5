// ember-studio [MODEL] [--example [NAME]] [--screenshot FILE [--tab graph|memory|code|history]]
//
// --screenshot renders the main window for MODEL to a PNG and exits (works
// with QT_QPA_PLATFORM=offscreen); memory and code tabs compile first.
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

#include "GraphView.h"
#include "MainWindow.h"
#include "StudioApp.h"

using namespace ember::studio;

namespace {

int screenshot(MainWindow &w, const QString &file, const QString &tab)
{
    w.resize(1440, 900);
    w.show();
    const bool needsBuild = tab == "memory" || tab == "code" || tab == "history";
    if (needsBuild && w.session()->hasModel()) {
        w.compile();
        w.waitForCompile();
    }
    if (tab == "memory") w.showTab(MainWindow::Tab::Memory);
    else if (tab == "code") w.showTab(MainWindow::Tab::Code);
    else if (tab == "history") w.showTab(MainWindow::Tab::History);
    else w.showTab(MainWindow::Tab::Graph);
    // Select a representative layer so the properties panel is not empty.
    if (w.session()->hasModel() && !w.session()->graph()->ops.empty()) {
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
    QApplication app(argc, argv);
    setupApplication(app);

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Ember Studio: compile TFLite models to C for microcontrollers"));
    p.addHelpOption();
    p.addVersionOption();
    QCommandLineOption shot(QStringLiteral("screenshot"), QStringLiteral("Render the main window to FILE (PNG) and exit."), QStringLiteral("FILE"));
    QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("Tab for --screenshot: graph, memory, code or history."), QStringLiteral("TAB"), QStringLiteral("graph"));
    QCommandLineOption example(QStringLiteral("example"), QStringLiteral("Open the built-in example model (ember_demo)."));
    QCommandLineOption db(QStringLiteral("database"), QStringLiteral("Project database file (default: in the user data dir)."), QStringLiteral("FILE"));
    p.addOptions({shot, tab, example, db});
    p.addPositionalArgument(QStringLiteral("model"), QStringLiteral("Model file to open (.tflite)."));
    p.process(app);

    const QString tabName = p.value(tab).toLower();
    if (!QStringList{"graph", "memory", "code", "history"}.contains(tabName)) {
        std::fprintf(stderr, "ember-studio: unknown tab '%s'; use graph, memory, code or history\n", qPrintable(tabName));
        return 2;
    }
    MainWindow w(p.value(db));
    bool opened = true;
    if (!p.positionalArguments().isEmpty()) opened = w.openModel(p.positionalArguments().first());
    else if (p.isSet(example) || p.isSet(shot)) opened = w.openExample();

    if (p.isSet(shot)) {
        if (!opened) std::fprintf(stderr, "ember-studio: the model could not be opened; the screenshot shows the error\n");
        return screenshot(w, p.value(shot), tabName);
    }
    w.show();
    return app.exec();
}
