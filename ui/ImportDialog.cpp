#include "ImportDialog.h"

#include "AccessibleNames.h"
#include "import/ImportFields.h"
#include "import/ImportPreviewModel.h"
#include "import/LeadImporter.h"
#include "import/ReleaseInBackground.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace {

void labelInput(QLabel *label, QWidget *input)
{
    label->setBuddy(input);
    input->setAccessibleName(AccessibleNames::fromLabel(label->text()));
}

} // namespace

// Shows only the rows with something to look at, and marks the cells that have a reason.
class ImportPreviewProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setProblemsOnly(bool only)
    {
        m_problemsOnly = only;
        invalidateFilter();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::DecorationRole &&
            !QSortFilterProxyModel::data(index, ImportPreviewModel::ProblemRole).toString().isEmpty()) {
            const bool invalid =
                QSortFilterProxyModel::data(index, ImportPreviewModel::RowKindRole).toString() ==
                QLatin1String("invalid");
            return QApplication::style()->standardIcon(invalid ? QStyle::SP_MessageBoxCritical
                                                               : QStyle::SP_MessageBoxWarning);
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (!m_problemsOnly)
            return true;
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        return index.data(ImportPreviewModel::RowKindRole).toString() != QLatin1String("ok");
    }

private:
    bool m_problemsOnly = false;
};

ImportDialog::ImportDialog(const Services &services, QWidget *parent)
    : QDialog(parent), m_services(services), m_reader(new ImportFileReader(this)),
      m_checker(new ImportChecker(this)), m_model(new ImportPreviewModel(this)),
      m_proxy(new ImportPreviewProxy(this))
{
    setWindowTitle(tr("Import leads"));
    setObjectName(QStringLiteral("importDialog"));

    // The file and how to read it.
    auto *fileBox = new QGroupBox(tr("File"), this);
    auto *fileLayout = new QFormLayout(fileBox);
    auto *fileRow = new QHBoxLayout;
    m_fileEdit = new QLineEdit(fileBox);
    m_fileEdit->setObjectName(QStringLiteral("fileEdit"));
    m_fileEdit->setReadOnly(true);
    m_browseButton = new QPushButton(tr("&Choose…"), fileBox);
    m_browseButton->setObjectName(QStringLiteral("browseButton"));
    m_browseButton->setAccessibleName(tr("Choose a file"));
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(m_browseButton);
    auto *fileLabel = new QLabel(tr("&File:"), fileBox);
    labelInput(fileLabel, m_fileEdit);
    fileLayout->addRow(fileLabel, fileRow);

    m_encodingCombo = new QComboBox(fileBox);
    m_encodingCombo->setObjectName(QStringLiteral("encodingCombo"));
    for (const CsvEncoding encoding : CsvDecoder::all())
        m_encodingCombo->addItem(CsvDecoder::displayName(encoding), int(encoding));
    auto *encodingLabel = new QLabel(tr("&Encoding:"), fileBox);
    labelInput(encodingLabel, m_encodingCombo);
    fileLayout->addRow(encodingLabel, m_encodingCombo);

    m_separatorCombo = new QComboBox(fileBox);
    m_separatorCombo->setObjectName(QStringLiteral("separatorCombo"));
    m_separatorCombo->addItem(tr("Comma ( , )"), QStringLiteral(","));
    m_separatorCombo->addItem(tr("Semicolon ( ; )"), QStringLiteral(";"));
    m_separatorCombo->addItem(tr("Tab"), QStringLiteral("\t"));
    auto *separatorLabel = new QLabel(tr("&Separator:"), fileBox);
    labelInput(separatorLabel, m_separatorCombo);
    fileLayout->addRow(separatorLabel, m_separatorCombo);

    m_headerCheck = new QCheckBox(tr("First row holds column &names"), fileBox);
    m_headerCheck->setObjectName(QStringLiteral("headerCheck"));
    fileLayout->addRow(m_headerCheck);

    m_fileProblemLabel = new QLabel(fileBox);
    m_fileProblemLabel->setObjectName(QStringLiteral("fileProblemLabel"));
    m_fileProblemLabel->setWordWrap(true);
    m_fileProblemLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_fileProblemLabel->hide();
    fileLayout->addRow(m_fileProblemLabel);

    // Columns to fields, and the constants for fields no column gives.
    auto *mappingBox = new QGroupBox(tr("Columns"), this);
    auto *mappingBoxLayout = new QVBoxLayout(mappingBox);
    auto *scroll = new QScrollArea(mappingBox);
    scroll->setWidgetResizable(true);
    m_mappingPanel = new QWidget(scroll);
    m_mappingForm = new QFormLayout(m_mappingPanel);
    scroll->setWidget(m_mappingPanel);
    mappingBoxLayout->addWidget(scroll);
    auto *constantsForm = new QFormLayout;
    for (const QString &apiName : {QStringLiteral("offer"), QStringLiteral("ip"), QStringLiteral("country"),
                                   QStringLiteral("wm"), QStringLiteral("currency")}) {
        auto *edit = new QLineEdit(mappingBox);
        edit->setObjectName(apiName + QStringLiteral("ConstantEdit"));
        auto *label =
            new QLabel(tr("%1 where the file has none:").arg(ImportFields::label(apiName)), mappingBox);
        labelInput(label, edit);
        constantsForm->addRow(label, edit);
        m_constantEdits.append({apiName, edit});
        connect(edit, &QLineEdit::editingFinished, this, &ImportDialog::onMappingChanged);
    }
    mappingBoxLayout->addLayout(constantsForm);

    // The preview.
    auto *previewBox = new QGroupBox(tr("Preview"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    auto *countsRow = new QHBoxLayout;
    m_countsLabel = new QLabel(previewBox);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_countsLabel->setWordWrap(true);
    m_problemsOnlyCheck = new QCheckBox(tr("Show only &problems"), previewBox);
    m_problemsOnlyCheck->setObjectName(QStringLiteral("problemsOnlyCheck"));
    countsRow->addWidget(m_countsLabel, 1);
    countsRow->addWidget(m_problemsOnlyCheck);
    previewLayout->addLayout(countsRow);
    m_proxy->setSourceModel(m_model);
    m_previewView = new QTableView(previewBox);
    m_previewView->setObjectName(QStringLiteral("previewView"));
    m_previewView->setModel(m_proxy);
    m_previewView->setAccessibleName(tr("Rows of the file"));
    m_previewView->setWordWrap(false);
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_previewView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                   QAbstractItemView::AnyKeyPressed);
    auto *previewHint = new QLabel(tr("Edit a cell to correct it (F2); untick a row to leave it out. A row's "
                                      "reasons show when the pointer rests on it."),
                                   previewBox);
    previewHint->setWordWrap(true);
    previewLayout->addWidget(m_previewView, 1);
    previewLayout->addWidget(previewHint);

    // Importing and its report.
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setAccessibleName(tr("Import progress"));
    m_progressBar->hide();
    m_reportLabel = new QLabel(this);
    m_reportLabel->setObjectName(QStringLiteral("reportLabel"));
    m_reportLabel->setWordWrap(true);
    m_reportLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::ActionRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setEnabled(false);
    m_cancelButton = buttons->addButton(tr("Stop importing"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelImportButton"));
    m_cancelButton->setEnabled(false); // (hidden, QDialogButtonBox would show it again on layout)
    m_saveProblemsButton = buttons->addButton(tr("&Save problem rows…"), QDialogButtonBox::ActionRole);
    m_saveProblemsButton->setObjectName(QStringLiteral("saveProblemsButton"));
    m_saveProblemsButton->setEnabled(false);

    auto *top = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(top);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(fileBox);
    leftLayout->addWidget(mappingBox, 1);
    top->addWidget(left);
    top->addWidget(previewBox);
    top->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(top, 1);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_reportLabel);
    layout->addWidget(buttons);

    // Enter confirms a constant or a corrected cell; it must never import, close or open a file dialog.
    for (QPushButton *button : findChildren<QPushButton *>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browseButton, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(m_encodingCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingControls)
            reparse();
    });
    connect(m_separatorCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingControls)
            reparse();
    });
    connect(m_headerCheck, &QCheckBox::toggled, this, [this] {
        if (!m_updatingControls)
            reparse();
    });
    connect(m_problemsOnlyCheck, &QCheckBox::toggled, this,
            [this](bool only) { m_proxy->setProblemsOnly(only); });
    connect(m_reader, &ImportFileReader::done, this, &ImportDialog::onRead);
    connect(m_checker, &ImportChecker::checked, this, &ImportDialog::onChecked);
    connect(m_model, &ImportPreviewModel::countsChanged, this, &ImportDialog::updateCounts);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_importer)
            m_importer->cancel();
    });
    connect(m_saveProblemsButton, &QPushButton::clicked, this, &ImportDialog::saveProblemRows);
    updateCounts();

    // Room for the preview's columns from the start, in text units so that it scales with the font and
    // the screen's DPI (the layout's own minimum squeezes the preview into a strip).
    const QFontMetrics metrics = fontMetrics();
    resize(sizeHint().expandedTo(QSize(metrics.averageCharWidth() * 160, metrics.height() * 40)));
}

ImportDialog::~ImportDialog() = default;

bool ImportDialog::isChecking() const
{
    return m_checker->isBusy() || m_reader->isBusy() ||
           (m_services.target.checksJournal() && !m_contextReady);
}

void ImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import leads"), QString(),
                                                      tr("CSV files (*.csv *.txt *.tsv);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void ImportDialog::showFileProblem(const QString &message)
{
    m_fileProblemLabel->setText(message);
    m_fileProblemLabel->setVisible(!message.isEmpty());
}

bool ImportDialog::openFile(const QString &path)
{
    m_path = path;
    m_fileEdit->setText(QDir::toNativeSeparators(path));
    m_importer.reset();
    m_reportLabel->clear();
    m_saveProblemsButton->setEnabled(false);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_bytes.clear();
        m_table = CsvTable();
        m_model->setRows({}, {}, ColumnMapping(), {});
        rebuildMappingFields();
        showFileProblem(tr("The file could not be opened: %1").arg(file.errorString()));
        return false;
    }
    m_bytes = file.readAll();
    const CsvEncoding encoding = CsvDecoder::detect(m_bytes);
    const QString problem = CsvDecoder::problemWith(m_bytes, encoding);
    if (!problem.isEmpty()) {
        m_table = CsvTable();
        m_model->setRows({}, {}, ColumnMapping(), {});
        rebuildMappingFields();
        showFileProblem(problem);
        return false;
    }
    // The separator and the header are guessed from the first lines; the whole file is read on a
    // thread (reparse()).
    const QString text = CsvDecoder::decode(m_bytes.left(64 * 1024), encoding);
    const QChar separator = CsvParser::detectSeparator(text);
    const CsvTable firstRows = CsvParser::parse(text, {separator, false});
    m_updatingControls = true;
    m_encodingCombo->setCurrentIndex(m_encodingCombo->findData(int(encoding)));
    m_separatorCombo->setCurrentIndex(m_separatorCombo->findData(QString(separator)));
    m_headerCheck->setChecked(!firstRows.rows.isEmpty() &&
                              CsvParser::looksLikeHeader(firstRows.rows.first()));
    m_updatingControls = false;
    // What the journal holds decides which rows are doubles: read once per file.
    readContext();
    reparse();
    return true;
}

void ImportDialog::readContext()
{
    if (!m_services.target.checksJournal())
        return;
    m_contextReady = false;
    const quint64 request = ++m_contextRequest;
    m_services.target.readContext(this, [this, request](const ImportContext &context, const QString &error) {
        if (request != m_contextRequest)
            return;
        if (!error.isEmpty())
            showFileProblem(tr("The journal could not be read to find doubles: %1").arg(error));
        m_context = context;
        m_contextReady = true;
        recheck();
    });
}

void ImportDialog::reparse()
{
    if (m_bytes.isEmpty())
        return;
    const auto encoding = CsvEncoding(m_encodingCombo->currentData().toInt());
    const QString separator = m_separatorCombo->currentData().toString();
    m_importButton->setEnabled(false);
    m_countsLabel->setText(tr("Reading the file…"));
    m_reader->read(m_bytes, encoding,
                   {separator.isEmpty() ? QChar(u',') : separator.at(0), m_headerCheck->isChecked()});
}

void ImportDialog::onRead(const CsvTable &table)
{
    releaseInBackground(std::exchange(m_table, table));
    QStringList lines;
    for (const CsvLineProblem &problem : std::as_const(m_table.problems).mid(0, 5))
        lines.append(problem.message);
    if (m_table.problems.size() > 5)
        lines.append(
            tr("… and %n more lines that could not be read.", nullptr, int(m_table.problems.size() - 5)));
    if (m_table.rows.isEmpty())
        lines.prepend(tr("The file holds no rows to import."));
    showFileProblem(lines.join(u'\n'));
    m_mapping = ColumnMapping::guessed(m_table.header, m_table.columnCount);
    ImportMappingMemory(m_services.mappingMemoryPath).recall(m_table.header, &m_mapping);
    m_model->setRows({}, m_table.header, m_mapping, m_context); // its cells are of the old reading
    rebuildMappingFields();
    recheck();
}

void ImportDialog::rebuildMappingFields()
{
    m_updatingControls = true;
    while (m_mappingForm->rowCount() > 0)
        m_mappingForm->removeRow(0);
    m_fieldCombos.clear();
    for (int column = 0; column < m_table.columnCount; ++column) {
        const QString header = m_table.header.value(column);
        const QString example =
            m_table.rows.isEmpty() ? QString() : m_table.rows.first().value(column).left(30);
        const QString name = header.isEmpty() ? tr("Column %1").arg(column + 1) : header;
        auto *label = new QLabel(
            example.isEmpty() ? tr("%1:").arg(name) : tr("%1 (e.g. %2):").arg(name, example), m_mappingPanel);
        label->setTextFormat(Qt::PlainText);
        auto *combo = new QComboBox(m_mappingPanel);
        combo->setObjectName(QStringLiteral("fieldCombo%1").arg(column));
        combo->addItem(tr("(leave out)"), QString());
        for (const ImportField &field : ImportFields::all())
            combo->addItem(ImportFields::label(field.apiName), field.apiName);
        combo->setCurrentIndex(qMax(0, combo->findData(m_mapping.target(column))));
        label->setBuddy(combo);
        combo->setAccessibleName(tr("Field for column %1").arg(name));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, column, combo] {
            if (m_updatingControls)
                return;
            m_mapping.setTarget(column, combo->currentData().toString());
            onMappingChanged();
        });
        m_mappingForm->addRow(label, combo);
        m_fieldCombos.append(combo);
    }
    for (const auto &[apiName, edit] : std::as_const(m_constantEdits))
        edit->setText(m_mapping.constant(apiName));
    m_updatingControls = false;
}

void ImportDialog::onMappingChanged()
{
    if (m_updatingControls)
        return;
    for (const auto &[apiName, edit] : std::as_const(m_constantEdits))
        m_mapping.setConstant(apiName, edit->text());
    // A field chosen for one column is freed from another: show that.
    m_updatingControls = true;
    for (int column = 0; column < m_fieldCombos.size(); ++column)
        m_fieldCombos.at(column)->setCurrentIndex(
            qMax(0, m_fieldCombos.at(column)->findData(m_mapping.target(column))));
    m_updatingControls = false;
    recheck();
}

void ImportDialog::recheck()
{
    // The file being read, or the journal, will call again.
    if (m_reader->isBusy() || (m_services.target.checksJournal() && !m_contextReady)) {
        m_importButton->setEnabled(false);
        return;
    }
    // Cells corrected in the preview are part of the file from now on.
    const QVector<ImportRow> &shown = m_model->rows();
    if (shown.size() == m_table.rows.size()) {
        for (qsizetype i = 0; i < shown.size(); ++i)
            m_table.rows[i] = shown.at(i).cells;
    }
    m_importButton->setEnabled(false);
    m_countsLabel->setText(tr("Checking %n rows…", nullptr, int(m_table.rows.size())));
    m_checker->check(m_table, m_mapping, m_context);
}

void ImportDialog::onChecked(const QVector<ImportRow> &rows)
{
    m_model->setRows(rows, m_table.header, m_mapping, m_context);
    m_previewView->resizeColumnToContents(ImportPreviewModel::StateColumn);
}

void ImportDialog::updateCounts()
{
    if (isChecking())
        return;
    const ImportCheck::Counts counts = m_model->counts();
    QString text = tr("%1 valid, %2 invalid, %3 possible doubles; %4 to import.")
                       .arg(counts.valid)
                       .arg(counts.invalid)
                       .arg(counts.duplicates)
                       .arg(counts.toImport);
    if (counts.toResend > 0)
        text += u' ' + tr("%n of them correct orders the network rejected, and will be sent again.", nullptr,
                          counts.toResend);
    m_countsLabel->setText(text);
    const bool importing = m_importer && m_importer->isRunning();
    m_importButton->setEnabled(counts.toImport > 0 && !importing && m_services.target.canImport());
}

void ImportDialog::startImport()
{
    if (!m_services.target.canImport())
        return;
    ImportMappingMemory(m_services.mappingMemoryPath).remember(m_table.header, m_mapping);
    m_importer = m_services.target.makeImporter();
    connect(m_importer.get(), &LeadImporter::progress, this, &ImportDialog::onImportProgress);
    connect(m_importer.get(), &LeadImporter::finished, this, &ImportDialog::onImportFinished);
    connect(m_importer.get(), &LeadImporter::outcomesChanged, this, &ImportDialog::updateReport);
    m_importer->start(m_model->rows(), m_table.header);
    m_progressBar->setRange(0, qMax(1, m_importer->total()));
    m_progressBar->setValue(0);
    m_progressBar->show();
    m_cancelButton->setEnabled(true);
    m_cancelButton->setFocus();
    m_importButton->setEnabled(false);
    m_previewView->setEnabled(false);
    m_reportLabel->setText(tr("Storing the leads in the journal…"));
}

void ImportDialog::onImportProgress(int done, int total)
{
    m_progressBar->setMaximum(qMax(1, total));
    m_progressBar->setValue(done);
}

void ImportDialog::onImportFinished()
{
    m_cancelButton->setEnabled(false);
    m_progressBar->hide();
    m_previewView->setEnabled(true);
    m_previewView->setFocus(); // the focus was on the stop button, now disabled
    updateReport();
    // What was stored is in the journal now: a second click must find it there.
    readContext();
    recheck();
}

void ImportDialog::updateReport()
{
    if (!m_importer)
        return;
    using State = LeadImporter::State;
    QStringList lines;
    if (m_importer->wasCancelled())
        lines.append(tr("Import stopped: %1 of %2 rows were stored; the rest were not imported.")
                         .arg(m_importer->done())
                         .arg(m_importer->total()));
    lines.append(tr("Sent: %1. Rejected by the network: %2. Waiting in the outbox: %3.")
                     .arg(m_importer->count(State::Sent))
                     .arg(m_importer->count(State::Rejected))
                     .arg(m_importer->count(State::Waiting)));
    if (const int resent = m_importer->resentCount(); resent > 0)
        lines.append(tr("%n corrected rows were stored again under the order ids the network had rejected.",
                        nullptr, resent));
    lines.append(tr("Left out as invalid: %1. Imported before: %2. Not stored: %3.")
                     .arg(m_importer->count(State::Invalid))
                     .arg(m_importer->count(State::AlreadyImported))
                     .arg(m_importer->count(State::NotStored)));
    int shown = 0;
    for (const LeadImporter::Outcome &outcome : m_importer->outcomes()) {
        if ((outcome.state == State::Rejected || outcome.state == State::NotStored) && shown++ < 5)
            lines.append(tr("Line %1: %2").arg(outcome.row.line).arg(outcome.reason));
    }
    m_reportLabel->setText(lines.join(u'\n'));
    m_saveProblemsButton->setEnabled(m_importer->count(State::Rejected) + m_importer->count(State::Invalid) +
                                         m_importer->count(State::NotStored) >
                                     0);
}

void ImportDialog::saveProblemRows()
{
    if (!m_importer)
        return;
    const QFileInfo source(m_path);
    const QString suggested =
        source.dir().filePath(source.completeBaseName() + tr("-problems") + QStringLiteral(".csv"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save problem rows"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_importer->saveProblemRows(path, &error))
        m_reportLabel->setText(error);
}
