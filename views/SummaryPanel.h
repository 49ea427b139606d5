// Model summary: inputs/outputs (dtype, shape, quantization), op counts by
// type, parameters, MACs and the activation-memory lower bound.
#pragma once

#include <QSet>
#include <QTextBrowser>

namespace ember::studio {

class Session;

class SummaryPanel : public QTextBrowser {
    Q_OBJECT
public:
    explicit SummaryPanel(Session *session, QWidget *parent = nullptr);
    // The HTML shown (tests read the numbers back).
    static QString html(const Session &s);

protected:
    void changeEvent(QEvent *e) override;

private:
    void refresh();
    Session *session_;
};

// Selected operator/tensor: attributes, tensors with quantization, and the
// planned buffer (pool, offset, bytes, lifetime).
class PropertiesPanel : public QTextBrowser {
    Q_OBJECT
public:
    explicit PropertiesPanel(Session *session, QWidget *parent = nullptr);
    // `expanded`: tensors whose per-channel scales and zero points are listed
    // in full (the "quant:ID" link toggles one).
    static QString html(const Session &s, const QSet<int> &expanded = {});
    void toggleQuantList(int tensor);

protected:
    void changeEvent(QEvent *e) override;

private:
    void refresh();
    Session *session_;
    QSet<int> expanded_;
};

// Thousands separators: 1234567 → "1,234,567".
QString groupDigits(qint64 v);

}  // namespace ember::studio
