#include "ImportIdsDialog.h"

#include "UserPrompts.h"
#include "status/IdListParser.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
// A list of ids is small; anything this big is not one.
constexpr qint64 maxFileBytes = 20 * 1024 * 1024;
} // namespace

ImportIdsDialog::ImportIdsDialog(UserPrompts *prompts, QWidget *parent)
    : QDialog(parent), m_prompts(prompts), m_idsEdit(new QPlainTextEdit(this)),
      m_summaryLabel(new QLabel(this)), m_trackButton(nullptr)
{
    setObjectName(QStringLiteral("importIdsDialog"));
    setWindowTitle(tr("Track Order Ids"));

    auto *intro = new QLabel(tr("Leads sent by other systems (a landing page, another desk) can be followed "
                                "here too: give their order ids, as your side numbered them."),
                             this);
    intro->setWordWrap(true);

    auto *idsLabel = new QLabel(tr("&Order ids (separated by commas, spaces or new lines):"), this);
    idsLabel->setBuddy(m_idsEdit);
    m_idsEdit->setObjectName(QStringLiteral("idsEdit"));
    m_idsEdit->setAccessibleName(tr("Order ids (separated by commas, spaces or new lines):"));
    m_idsEdit->setTabChangesFocus(true);

    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(this);
    auto *fileButton = buttons->addButton(tr("Import from &file..."), QDialogButtonBox::ActionRole);
    fileButton->setObjectName(QStringLiteral("importFileButton"));
    m_trackButton = buttons->addButton(tr("&Track"), QDialogButtonBox::AcceptRole);
    m_trackButton->setObjectName(QStringLiteral("trackButton"));
    m_trackButton->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(idsLabel);
    layout->addWidget(m_idsEdit, 1);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(buttons);

    connect(fileButton, &QPushButton::clicked, this, &ImportIdsDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_idsEdit, &QPlainTextEdit::textChanged, this, &ImportIdsDialog::parse);
    parse();
}

void ImportIdsDialog::chooseFile()
{
    const QString path = m_prompts->openFileName(this, tr("Import Order Ids"),
                                                 tr("Lists of ids (*.txt *.csv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

bool ImportIdsDialog::importFile(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summaryLabel->setText(
            tr("Could not read %1: %2").arg(QFileInfo(filePath).fileName(), file.errorString()));
        return false;
    }
    if (file.size() > maxFileBytes) {
        m_summaryLabel->setText(
            tr("%1 is too large to be a list of order ids.").arg(QFileInfo(filePath).fileName()));
        return false;
    }
    const IdListParser::Result result = IdListParser::parseFile(filePath, QString::fromUtf8(file.readAll()));
    // The file's ids join whatever was pasted already, one per line.
    QString text = m_idsEdit->toPlainText().trimmed();
    if (!text.isEmpty())
        text += QLatin1Char('\n');
    text += result.ids.join(QLatin1Char('\n'));
    m_idsEdit->setPlainText(text);
    return true;
}

void ImportIdsDialog::parse()
{
    const IdListParser::Result result = IdListParser::parseText(m_idsEdit->toPlainText());
    m_ids = result.ids;
    QString summary = m_ids.isEmpty() ? tr("No order ids yet.")
                                      : tr("%n order id(s) to track.", nullptr, int(m_ids.size()));
    if (!result.rejected.isEmpty()) {
        const QStringList shown = result.rejected.mid(0, 5);
        summary += QLatin1Char(' ') +
                   tr("Not order ids, left out: %1%2")
                       .arg(shown.join(QStringLiteral(", ")),
                            result.rejected.size() > shown.size()
                                ? tr(" and %n more", nullptr, int(result.rejected.size() - shown.size()))
                                : QString());
    }
    m_summaryLabel->setText(summary);
    m_trackButton->setEnabled(!m_ids.isEmpty());
}
