#pragma once

#include "import/ColumnMapping.h"
#include "import/CsvDecoder.h"
#include "import/CsvParser.h"
#include "import/ImportCheck.h"
#include "import/ImportFileReader.h"
#include "import/ImportTarget.h"

#include <QDialog>

#include <memory>

class ImportPreviewModel;
class ImportPreviewProxy;
class LeadImporter;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

// File → Import leads…: a file is read, its columns mapped to the lead's fields, every row previewed
// with the form's checks, and the rows chosen go into the outbox. Reading, mapping, checking and
// importing are the core's (app/import); this dialog only presents them and passes the choices on.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    struct Services
    {
        ImportTarget target;       // the profile's journal and the outbox the form sends through
        QString mappingMemoryPath; // where chosen mappings are remembered (empty: nowhere)
    };

    explicit ImportDialog(const Services &services, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Reads the file and shows it; false (the reason shown in the dialog) when it cannot be read.
    bool openFile(const QString &path);

    ImportPreviewModel *previewModel() const { return m_model; }
    LeadImporter *importer() const { return m_importer.get(); }
    bool isChecking() const;

private:
    void chooseFile();
    void reparse();
    void onRead(const CsvTable &table);
    void readContext();
    void rebuildMappingFields();
    void onMappingChanged();
    void recheck();
    void onChecked(const QVector<ImportRow> &rows);
    void updateCounts();
    void startImport();
    void onImportProgress(int done, int total);
    void onImportFinished();
    void updateReport();
    void saveProblemRows();
    void showFileProblem(const QString &message);

    Services m_services;
    QByteArray m_bytes;
    QString m_path;
    CsvTable m_table;
    ColumnMapping m_mapping;
    ImportContext m_context;
    bool m_contextReady = false;  // the journal's answer came for the current file
    quint64 m_contextRequest = 0; // the latest request: older answers are dropped
    ImportFileReader *m_reader;
    ImportChecker *m_checker;
    ImportPreviewModel *m_model;
    ImportPreviewProxy *m_proxy;
    std::unique_ptr<LeadImporter> m_importer;
    bool m_updatingControls = false;

    QLineEdit *m_fileEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QComboBox *m_encodingCombo = nullptr;
    QComboBox *m_separatorCombo = nullptr;
    QCheckBox *m_headerCheck = nullptr;
    QLabel *m_fileProblemLabel = nullptr;
    QWidget *m_mappingPanel = nullptr;
    QFormLayout *m_mappingForm = nullptr;
    QList<QComboBox *> m_fieldCombos;
    QList<std::pair<QString, QLineEdit *>> m_constantEdits;
    QLabel *m_countsLabel = nullptr;
    QCheckBox *m_problemsOnlyCheck = nullptr;
    QTableView *m_previewView = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_reportLabel = nullptr;
    QPushButton *m_saveProblemsButton = nullptr;
};
