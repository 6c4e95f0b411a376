#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class UserPrompts;

// Asks for the order ids of leads sent by other systems (landing pages), to follow them in the status
// table: pasted (separated by commas, spaces or new lines) or read from a text or CSV file. Shows how
// many ids it found, and what it could not read, as the user types.
class ImportIdsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportIdsDialog(UserPrompts *prompts, QWidget *parent = nullptr);

    QStringList orderIds() const { return m_ids; }

    // Reads a file's ids into the list (what "Import from file..." does after asking for the file).
    bool importFile(const QString &filePath);

private:
    void chooseFile();
    void parse();

    UserPrompts *m_prompts;
    QPlainTextEdit *m_idsEdit;
    QLabel *m_summaryLabel;
    QPushButton *m_trackButton;
    QStringList m_ids;
};
