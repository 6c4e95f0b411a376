#include "LeadForm.h"

#include "AccessibleNames.h"
#include "CatalogComboBox.h"
#include "CollapsibleSection.h"
#include "LeadItemDelegate.h"
#include "RowsEditor.h"
#include "journal/SendState.h"
#include "leads/CountryCatalog.h"
#include "leads/CurrencyCatalog.h"
#include "leads/CustomFieldsModel.h"
#include "leads/LeadFields.h"
#include "leads/LeadItemsModel.h"
#include "leads/LeadNumber.h"
#include "leads/LeadTotals.h"
#include "leads/PhoneNormalizer.h"
#include "leads/StatusCatalog.h"
#include "sync/LeadGateway.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

Q_LOGGING_CATEGORY(lcLeadForm, "cpadesk.leadform", QtWarningMsg)

namespace {

constexpr int kRecentOffersKept = 20;
constexpr int kEarlierOrdersShown = 3;
constexpr qint64 kDuplicateWindowSecs = 24 * 3600;

// A label's text without its mnemonic marker, as screen readers should say it: "Na&me" -> "Name".
QString withoutMnemonic(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i; // "&&" is a literal '&'; "&x" is the mnemonic x
        plain.append(text.at(i));
    }
    return plain;
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// Dark red on light themes, soft red on dark ones: readable either way. The text says what is wrong, so
// the colour is only a help, never the message.
void styleAsError(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     isDarkPalette(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xa4, 0x00, 0x1d));
    label->setPalette(palette);
}

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

// "135, 136" -> "135,136": the API takes ids separated by bare commas.
QString normalizedItemList(const QString &typed)
{
    QStringList ids = typed.split(u',');
    for (QString &id : ids) {
        id = id.trimmed();
        if (id.isEmpty())
            return typed.trimmed(); // let validation say what is wrong
    }
    return typed.trimmed().isEmpty() ? QString() : ids.join(u',');
}

} // namespace

// The boxes of the form, top to bottom in each column: who and where on the left, what and how much
// on the right. Which field goes in which box is LeadFields' business.
struct LeadForm::SectionLook
{
    LeadFormSection section;
    const char *title; // untranslated
    CollapsibleSection::Kind kind;
    bool startsFolded;
    const char *objectBaseName;
    bool rightColumn;
};

LeadForm::LeadForm(LeadGateway *gateway, const LeadFormDefaults &defaults, QWidget *parent)
    : QWidget(parent), m_gateway(gateway), m_defaults(defaults), m_itemsModel(new LeadItemsModel(this)),
      m_paramsModel(new CustomFieldsModel(this))
{
    setObjectName(QStringLiteral("leadForm"));
    setAccessibleName(tr("Lead entry"));
    m_itemsModel->setLocale(locale());

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("leadFormContent"));
    auto *columns = new QHBoxLayout(content);
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    // Built in reading order (left column, then right), which is also the tab order.
    for (const SectionLook &look : sectionLooks())
        (look.rightColumn ? right : left)->addWidget(buildSection(look));
    left->addStretch();
    right->addStretch();
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    alignLabelColumns();

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("leadFormScrollArea"));
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("resultBannerFrame"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_bannerLabel = new QLabel(m_banner);
    m_bannerLabel->setObjectName(QStringLiteral("resultBannerLabel"));
    m_bannerLabel->setWordWrap(true);
    m_bannerLabel->setTextFormat(Qt::PlainText); // codes and ids come from the network
    m_bannerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerLabel);
    m_banner->hide();

    m_submitAction = new QAction(tr("&Send lead"), this);
    m_submitAction->setObjectName(QStringLiteral("submitLeadAction"));
    m_submitAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_submitAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_submitAction, &QAction::triggered, this, &LeadForm::submit);
    addAction(m_submitAction);

    m_newLeadAction = new QAction(tr("&New lead"), this);
    m_newLeadAction->setObjectName(QStringLiteral("newLeadAction"));
    m_newLeadAction->setShortcut(QKeySequence::New);
    m_newLeadAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_newLeadAction, &QAction::triggered, this, &LeadForm::newLead);
    addAction(m_newLeadAction);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(buildDuplicatePanel());
    layout->addWidget(m_scroll, 1);
    layout->addWidget(buildBottomBar());

    if (m_gateway) {
        // Queued: an answer is handled after submit() has returned and the form knows the lead's id, even
        // if a gateway answers from inside submit().
        connect(m_gateway, &LeadGateway::sent, this, &LeadForm::onSent, Qt::QueuedConnection);
        connect(m_gateway, &LeadGateway::rejected, this, &LeadForm::onRejected, Qt::QueuedConnection);
        connect(m_gateway, &LeadGateway::deferred, this, &LeadForm::onDeferred, Qt::QueuedConnection);
        // Direct: a gateway never answers these from inside submitInBackground(), and the form must
        // know the lead's id before the (queued) answer about it arrives.
        connect(m_gateway, &LeadGateway::stored, this, &LeadForm::onStored);
        connect(m_gateway, &LeadGateway::notStored, this, &LeadForm::onNotStored);
    }

    connectEdits();
    setTabOrderToReadingOrder();
    // Half-filled during set-up, the form would find problems (no IP yet) and open sections for them.
    m_filling = true;
    setDefaults(defaults);
    fillFrom(defaultsLead(), toSet(LeadFields::apiNames()));
    m_filling = false;
    updateOrderIdLabel();
    m_touched.clear();
    revalidate();
}

LeadForm::~LeadForm() = default;

// ---------------------------------------------------------------------------------------------- building

QFormLayout *LeadForm::newFormLayout(CollapsibleSection *section)
{
    m_currentSection = section;
    auto *form = new QFormLayout(section->body());
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setContentsMargins(0, 0, 0, 0);
    return form;
}

void LeadForm::addRow(QFormLayout *layout, LeadField field, const QString &label, QWidget *editor,
                      const QString &baseName)
{
    auto *labelWidget = new QLabel(label);
    labelWidget->setObjectName(baseName + QStringLiteral("Label"));
    labelWidget->setBuddy(editor);
    editor->setAccessibleName(withoutMnemonic(label));

    auto *error = new QLabel;
    error->setObjectName(baseName + QStringLiteral("ErrorLabel"));
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    styleAsError(error);
    error->hide();

    // The field is a layout, not a widget around the editor: the label and its editor stay siblings,
    // which is how Qt finds the "labelled by" relation a screen reader follows.
    auto *cell = new QVBoxLayout;
    cell->setContentsMargins(0, 0, 0, 0);
    cell->setSpacing(0);
    // A table is wide and tall: it gets the full width below its label rather than the field column.
    auto *rows = qobject_cast<RowsEditor *>(editor->parentWidget());
    if (rows) {
        layout->addRow(labelWidget);
        cell->addWidget(rows);
        layout->addRow(cell);
    } else {
        cell->addWidget(editor);
        layout->addRow(labelWidget, cell);
    }
    cell->addWidget(error);
    AccessibleNames::nameInnerEditor(editor);

    m_rows.insert(field, FieldRow{labelWidget, editor, error, m_currentSection, cell});
    editor->setProperty("cpadeskBaseDescription", editor->accessibleDescription());
    if (rows)
        m_readingOrder.append(rows->focusWidgets());
    else
        m_readingOrder.append(editor);
}

const QList<LeadForm::SectionLook> &LeadForm::sectionLooks()
{
    using Kind = CollapsibleSection::Kind;
    static const QList<SectionLook> looks{
        {LeadFormSection::Order, QT_TR_NOOP("Order"), Kind::Fixed, false, "order", false},
        {LeadFormSection::Customer, QT_TR_NOOP("Customer"), Kind::Fixed, false, "customer", false},
        {LeadFormSection::Delivery, QT_TR_NOOP("Deliver&y"), Kind::Collapsible, false, "delivery", false},
        {LeadFormSection::Price, QT_TR_NOOP("Price"), Kind::Fixed, false, "price", true},
        {LeadFormSection::Goods, QT_TR_NOOP("Goods"), Kind::Fixed, false, "goods", true},
        {LeadFormSection::CustomFields, QT_TR_NOOP("Cu&stom fields"), Kind::Collapsible, true, "customFields",
         true},
        {LeadFormSection::Tracking, QT_TR_NOOP("Trac&king"), Kind::Collapsible, true, "tracking", true},
        {LeadFormSection::Comment, QT_TR_NOOP("Comment"), Kind::Fixed, false, "comment", true},
    };
    return looks;
}

QWidget *LeadForm::buildSection(const SectionLook &look)
{
    auto *section = new CollapsibleSection(tr(look.title), look.kind, QLatin1String(look.objectBaseName));
    if (look.kind == CollapsibleSection::Kind::Collapsible) {
        if (look.startsFolded)
            section->setExpanded(false);
        m_readingOrder.append(section->toggleButton());
    }
    QFormLayout *form = newFormLayout(section);
    const QList<LeadFieldDescriptor> fields = LeadFields::inFormOrder();
    for (const LeadFieldDescriptor &field : fields) {
        if (field.section == look.section)
            addField(form, field);
    }
    if (look.section == LeadFormSection::Goods)
        form->addRow(buildTotals());
    return section;
}

void LeadForm::addField(QFormLayout *form, const LeadFieldDescriptor &field)
{
    const QString label = tr(field.label);
    const QString baseName = QLatin1String(field.objectBaseName);
    QWidget *editor = nullptr;
    switch (field.kind) {
    case LeadFieldKind::OrderId:
        addOrderIdRow(form, label);
        return;
    case LeadFieldKind::Offer:
        m_offerCombo = new QComboBox;
        m_offerCombo->setEditable(true);
        m_offerCombo->setInsertPolicy(QComboBox::NoInsert);
        editor = m_offerCombo;
        break;
    case LeadFieldKind::Country:
        m_countryCombo = new CatalogComboBox(CatalogComboBox::Catalog::Countries);
        editor = m_countryCombo;
        break;
    case LeadFieldKind::Currency:
        m_currencyCombo = new CatalogComboBox(CatalogComboBox::Catalog::Currencies);
        editor = m_currencyCombo;
        break;
    case LeadFieldKind::Items:
        m_itemsEditor = new RowsEditor(m_itemsModel, {QStringLiteral("itemsTable"), QStringLiteral("Item"),
                                                      tr("Add good"), tr("Remove good")});
        m_itemDelegate = new LeadItemDelegate(m_itemsEditor->view());
        m_itemsEditor->view()->setItemDelegate(m_itemDelegate);
        editor = m_itemsEditor->view();
        break;
    case LeadFieldKind::Params:
        m_paramsEditor =
            new RowsEditor(m_paramsModel, {QStringLiteral("paramsTable"), QStringLiteral("Param"),
                                           tr("Add field"), tr("Remove field")});
        editor = m_paramsEditor->view();
        break;
    case LeadFieldKind::Comment:
        m_commentEdit = new QPlainTextEdit;
        m_commentEdit->setObjectName(baseName + QStringLiteral("Edit"));
        m_commentEdit->setTabChangesFocus(true); // Tab moves on, as in every other field
        // About four lines of the current font: room to read a note without crowding the form.
        m_commentEdit->setMaximumHeight(m_commentEdit->fontMetrics().lineSpacing() * 4 +
                                        2 * m_commentEdit->frameWidth() +
                                        static_cast<int>(2 * m_commentEdit->document()->documentMargin()));
        editor = m_commentEdit;
        break;
    case LeadFieldKind::Text:
    case LeadFieldKind::Email:
    case LeadFieldKind::Phone:
    case LeadFieldKind::Amount:
    case LeadFieldKind::Quantity:
    case LeadFieldKind::ItemList: {
        auto *edit = new QLineEdit;
        edit->setObjectName(baseName + QStringLiteral("Edit"));
        edit->setClearButtonEnabled(true);
        if (field.kind == LeadFieldKind::Email)
            edit->setInputMethodHints(Qt::ImhEmailCharactersOnly);
        else if (field.kind == LeadFieldKind::Phone)
            edit->setInputMethodHints(Qt::ImhDialableCharactersOnly);
        else if (field.kind == LeadFieldKind::Amount || field.kind == LeadFieldKind::Quantity)
            edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        if (field.kind == LeadFieldKind::Phone)
            m_phoneEdit = edit;
        editor = edit;
        break;
    }
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setObjectName(baseName + QStringLiteral("ComboBox"));
    if (field.placeholder) {
        QString placeholder = tr(field.placeholder);
        if (placeholder.contains(QLatin1String("%1")))
            placeholder = placeholder.arg(locale().toString(1990.5, 'f', 2));
        if (auto *edit = qobject_cast<QLineEdit *>(editor))
            edit->setPlaceholderText(placeholder);
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->lineEdit()->setPlaceholderText(placeholder);
    }
    addRow(form, field.field, label, editor, baseName);

    if (field.kind == LeadFieldKind::Phone) {
        m_phoneHint = new QLabel;
        m_phoneHint->setObjectName(QStringLiteral("phoneHintLabel"));
        m_phoneHint->setTextFormat(Qt::PlainText);
        m_phoneHint->hide();
        m_rows.value(LeadField::Phone).cell->addWidget(m_phoneHint);
    }
}

void LeadForm::addOrderIdRow(QFormLayout *form, const QString &label)
{
    m_orderIdValue = new QLabel;
    m_orderIdValue->setObjectName(QStringLiteral("orderIdValueLabel"));
    m_orderIdValue->setAccessibleName(label);
    m_orderIdValue->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *orderIdLabel = new QLabel(label);
    orderIdLabel->setObjectName(QStringLiteral("orderIdLabel"));
    form->addRow(orderIdLabel, m_orderIdValue);

    m_autoIdCheck = new QCheckBox(tr("Let the network assign the id (&auto)"));
    m_autoIdCheck->setObjectName(QStringLiteral("autoOrderIdCheckBox"));
    m_autoIdCheck->setAccessibleName(withoutMnemonic(m_autoIdCheck->text()));
    m_autoIdNote = new QLabel(tr("With \"auto\", a resend after a network failure can create a second order: "
                                 "the network cannot tell it is the same lead. Leave it off unless your "
                                 "network requires it."));
    m_autoIdNote->setObjectName(QStringLiteral("autoOrderIdNoteLabel"));
    m_autoIdNote->setWordWrap(true);
    styleAsError(m_autoIdNote);
    m_autoIdNote->hide();
    auto *autoBox = new QWidget;
    auto *autoLayout = new QVBoxLayout(autoBox);
    autoLayout->setContentsMargins(0, 0, 0, 0);
    autoLayout->addWidget(m_autoIdCheck);
    autoLayout->addWidget(m_autoIdNote);
    form->addRow(QString(), autoBox);
    m_readingOrder.append(m_autoIdCheck);
    m_rows.insert(LeadField::OrderId, FieldRow{orderIdLabel, m_autoIdCheck, nullptr, m_currentSection});
}

QWidget *LeadForm::buildTotals()
{
    auto *totals = new QFrame;
    totals->setObjectName(QStringLiteral("totalsFrame"));
    totals->setFrameShape(QFrame::StyledPanel);
    auto *totalsLayout = new QFormLayout(totals);
    auto addTotal = [totals, totalsLayout](const QString &label, const QString &objectName) {
        auto *value = new QLabel(totals);
        value->setObjectName(objectName);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setAccessibleName(label);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        totalsLayout->addRow(label, value);
        return value;
    };
    m_goodsSumValue = addTotal(tr("Goods"), QStringLiteral("goodsSumValueLabel"));
    m_discountValue = addTotal(tr("Discount"), QStringLiteral("discountValueLabel"));
    m_extraValue = addTotal(tr("Extra cost"), QStringLiteral("extraCostValueLabel"));
    m_totalValue = addTotal(tr("Total"), QStringLiteral("totalValueLabel"));
    QFont bold = m_totalValue->font();
    bold.setBold(true);
    m_totalValue->setFont(bold);
    return totals;
}

QWidget *LeadForm::buildDuplicatePanel()
{
    m_duplicatePanel = new QFrame(this);
    m_duplicatePanel->setObjectName(QStringLiteral("duplicateWarningFrame"));
    m_duplicatePanel->setFrameShape(QFrame::StyledPanel);
    m_duplicatePanel->setAutoFillBackground(true);
    QPalette palette = m_duplicatePanel->palette();
    palette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    palette.setColor(QPalette::WindowText, QColor(0x3b, 0x2f, 0x00));
    m_duplicatePanel->setPalette(palette);

    m_duplicateLabel = new QLabel(m_duplicatePanel);
    m_duplicateLabel->setObjectName(QStringLiteral("duplicateWarningLabel"));
    m_duplicateLabel->setWordWrap(true);
    m_duplicateLabel->setTextFormat(Qt::PlainText);
    m_sendAnywayButton = new QPushButton(tr("Send anyway"), m_duplicatePanel);
    m_sendAnywayButton->setObjectName(QStringLiteral("sendAnywayButton"));
    m_cancelSendButton = new QPushButton(tr("Don't send"), m_duplicatePanel);
    m_cancelSendButton->setObjectName(QStringLiteral("cancelSendButton"));
    connect(m_sendAnywayButton, &QPushButton::clicked, this, [this] {
        m_duplicateConfirmed = true;
        hideDuplicateWarning();
        submit();
    });
    connect(m_cancelSendButton, &QPushButton::clicked, this, [this] {
        hideDuplicateWarning();
        m_phoneEdit->setFocus(Qt::OtherFocusReason);
    });

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_sendAnywayButton);
    buttons->addWidget(m_cancelSendButton);
    auto *layout = new QVBoxLayout(m_duplicatePanel);
    layout->addWidget(m_duplicateLabel);
    layout->addLayout(buttons);
    m_duplicatePanel->hide();
    return m_duplicatePanel;
}

QWidget *LeadForm::buildBottomBar()
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("leadFormButtonBar"));
    m_problemSummary = new QLabel(bar);
    m_problemSummary->setObjectName(QStringLiteral("problemSummaryLabel"));
    m_problemSummary->setWordWrap(true);
    m_problemSummary->setTextFormat(Qt::PlainText);

    m_newLeadButton = new QPushButton(tr("New lead"), bar);
    m_newLeadButton->setObjectName(QStringLiteral("newLeadButton"));
    m_newLeadButton->setToolTip(
        tr("Start a new lead (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    connect(m_newLeadButton, &QPushButton::clicked, m_newLeadAction, &QAction::trigger);

    m_submitButton = new QPushButton(tr("Send"), bar);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setToolTip(
        tr("Send the lead (%1)")
            .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    connect(m_submitButton, &QPushButton::clicked, m_submitAction, &QAction::trigger);

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_problemSummary, 1);
    layout->addWidget(m_newLeadButton);
    layout->addWidget(m_submitButton);
    return bar;
}

void LeadForm::alignLabelColumns()
{
    // Each section has its own form layout; giving every label of a column the width of the widest one
    // lines the fields of all sections up. Measured from the labels' own text, so it follows font and scale.
    // The two tables are left out: their labels sit above them, not in the label column.
    for (const bool rightColumn : {false, true}) {
        QList<QLabel *> labels;
        for (const SectionLook &look : sectionLooks()) {
            if (look.rightColumn != rightColumn)
                continue;
            for (const LeadFieldDescriptor &field : LeadFields::inFormOrder()) {
                if (field.section == look.section && field.kind != LeadFieldKind::Items &&
                    field.kind != LeadFieldKind::Params)
                    labels.append(m_rows.value(field.field).label);
            }
        }
        int widest = 0;
        for (const QLabel *label : std::as_const(labels))
            widest = qMax(widest, label->sizeHint().width());
        for (QLabel *label : std::as_const(labels))
            label->setMinimumWidth(widest);
    }
}

void LeadForm::setTabOrderToReadingOrder()
{
    QList<QWidget *> chain = {m_sendAnywayButton, m_cancelSendButton};
    chain.append(m_readingOrder);
    chain.append({m_newLeadButton, m_submitButton});
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
}

void LeadForm::connectEdits()
{
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        const LeadField field = it.key();
        QWidget *editor = it.value().editor;
        if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
            connect(edit, &QLineEdit::textEdited, this, [this, field] { markTouched(field); });
            connect(edit, &QLineEdit::textChanged, this, &LeadForm::revalidate);
        } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
            connect(combo->lineEdit(), &QLineEdit::textEdited, this, [this, field] { markTouched(field); });
            connect(combo, &QComboBox::currentTextChanged, this, &LeadForm::revalidate);
        }
    }
    connect(m_commentEdit, &QPlainTextEdit::textChanged, this, &LeadForm::revalidate);
    connect(m_autoIdCheck, &QCheckBox::toggled, this, [this](bool autoId) {
        m_autoIdNote->setVisible(autoId);
        updateOrderIdLabel();
        revalidate();
    });

    connect(m_currencyCombo, &QComboBox::currentTextChanged, this, &LeadForm::onCurrencyChanged);

    // An earlier "send anyway" was about this phone and offer; a different pair needs its own answer.
    auto forgetDuplicateAnswer = [this] {
        m_duplicateConfirmed = false;
        if (!m_duplicatePanel->isHidden())
            hideDuplicateWarning();
    };
    connect(m_phoneEdit, &QLineEdit::textChanged, this, forgetDuplicateAnswer);
    connect(m_offerCombo, &QComboBox::currentTextChanged, this, forgetDuplicateAnswer);

    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_itemsModel),
                                      static_cast<QAbstractItemModel *>(m_paramsModel)}) {
        const LeadField field = model == m_itemsModel ? LeadField::Items : LeadField::Params;
        auto changed = [this, field] {
            markTouched(field);
            revalidate();
        };
        connect(model, &QAbstractItemModel::dataChanged, this, changed);
        connect(model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(model, &QAbstractItemModel::rowsMoved, this, changed);
        connect(model, &QAbstractItemModel::modelReset, this, changed);
    }
}

// ------------------------------------------------------------------------------------------- the lead

Lead LeadForm::lead() const
{
    const QLocale loc = locale();
    Lead lead;
    for (const LeadFieldDescriptor &field : LeadFields::all()) {
        const auto *edit = qobject_cast<const QLineEdit *>(m_rows.value(field.field).editor);
        switch (field.kind) {
        case LeadFieldKind::OrderId:
            lead.orderId = m_autoIdCheck->isChecked() ? QStringLiteral("auto") : QString();
            break;
        case LeadFieldKind::Offer:
            lead.*field.member = m_offerCombo->currentText().trimmed();
            break;
        case LeadFieldKind::Text:
        case LeadFieldKind::Email:
        case LeadFieldKind::Quantity:
            lead.*field.member = edit->text().trimmed();
            break;
        case LeadFieldKind::Phone: {
            const PhoneNormalizer::Result phone = PhoneNormalizer::normalize(edit->text());
            lead.*field.member = phone.isValid() ? phone.digits : edit->text().trimmed();
            break;
        }
        case LeadFieldKind::Country: {
            const QString country = CountryCatalog::codeFor(m_countryCombo->currentText());
            // Lower case, as the API document writes country codes ("kz", "ru").
            lead.*field.member =
                country.isEmpty() ? m_countryCombo->currentText().trimmed() : country.toLower();
            break;
        }
        case LeadFieldKind::Currency: {
            const QString currency = CurrencyCatalog::codeFor(m_currencyCombo->currentText());
            lead.*field.member = currency.isEmpty() ? m_currencyCombo->currentText().trimmed() : currency;
            break;
        }
        case LeadFieldKind::Amount:
            lead.*field.member = LeadNumber::fromTyped(edit->text(), loc);
            break;
        case LeadFieldKind::ItemList:
            lead.*field.member = normalizedItemList(edit->text());
            break;
        case LeadFieldKind::Comment:
            lead.*field.member = m_commentEdit->toPlainText().trimmed();
            break;
        case LeadFieldKind::Items:
            lead.items = m_itemsModel->items();
            break;
        case LeadFieldKind::Params:
            for (const CustomFieldsModel::Field &param : m_paramsModel->fields())
                lead.params.append({param.first.trimmed(), param.second});
            break;
        }
    }
    return lead;
}

void LeadForm::loadLead(const Lead &lead)
{
    fillFrom(lead, toSet(LeadFields::apiNames()));
    openSectionsWithContent();
}

void LeadForm::openSectionsWithContent()
{
    // A folded section that holds part of a loaded lead opens, so nothing is sent unseen. (Defaults and
    // sticky values do not count: the operator set those up and folded them away on purpose.)
    for (const FieldRow &row : std::as_const(m_rows)) {
        if (!row.section || row.section->isExpanded())
            continue;
        bool filled = false;
        if (auto *edit = qobject_cast<QLineEdit *>(row.editor))
            filled = !edit->text().isEmpty();
        else if (row.editor == m_paramsEditor->view())
            filled = m_paramsModel->rowCount() > 0;
        if (filled)
            row.section->setExpanded(true);
    }
}

Lead LeadForm::defaultsLead() const
{
    Lead lead;
    lead.wm = m_defaults.wm;
    lead.ip = m_defaults.ip;
    lead.ua = m_defaults.ua;
    lead.country = m_defaults.country;
    lead.currency = m_defaults.currency;
    return lead;
}

void LeadForm::setDefaults(const LeadFormDefaults &defaults)
{
    m_defaults = defaults;
    const bool wasFilling = std::exchange(m_filling, true);
    const QString offer = m_offerCombo->currentText();
    m_offerCombo->clear();
    m_offerCombo->addItems(m_defaults.recentOffers);
    m_offerCombo->setEditText(offer);
    m_filling = wasFilling;
}

void LeadForm::fillFrom(const Lead &lead, const QSet<QString> &fields)
{
    const bool wasFilling = std::exchange(m_filling, true);
    auto setCatalogCombo = [](QComboBox *combo, const QString &code) {
        const int index = code.isEmpty() ? -1 : combo->findData(code.toUpper());
        combo->setCurrentIndex(index);
        if (index < 0)
            combo->setEditText(code);
    };
    const QLocale loc = locale();

    for (const LeadFieldDescriptor &field : LeadFields::inFormOrder()) {
        if (!fields.contains(QLatin1String(field.apiName)))
            continue;
        auto *edit = qobject_cast<QLineEdit *>(m_rows.value(field.field).editor);
        switch (field.kind) {
        case LeadFieldKind::OrderId:
            m_autoIdCheck->setChecked(lead.orderId == QLatin1String("auto"));
            break;
        case LeadFieldKind::Offer:
            m_offerCombo->setEditText(lead.*field.member);
            break;
        case LeadFieldKind::Text:
        case LeadFieldKind::Email:
        case LeadFieldKind::Phone:
        case LeadFieldKind::Quantity:
        case LeadFieldKind::ItemList:
            edit->setText(lead.*field.member);
            break;
        case LeadFieldKind::Amount:
            edit->setText(LeadNumber::toTyped(lead.*field.member, loc));
            break;
        case LeadFieldKind::Country:
            setCatalogCombo(m_countryCombo, lead.*field.member);
            break;
        case LeadFieldKind::Currency:
            setCatalogCombo(m_currencyCombo, lead.*field.member);
            break;
        case LeadFieldKind::Comment:
            m_commentEdit->setPlainText(lead.*field.member);
            break;
        case LeadFieldKind::Items:
            m_itemsModel->setItems(lead.items);
            break;
        case LeadFieldKind::Params:
            m_paramsModel->setFields(lead.params);
            break;
        }
    }
    m_filling = wasFilling;

    onCurrencyChanged();
    revalidate();
}

// ------------------------------------------------------------------------------------------ validation

void LeadForm::markTouched(LeadField field)
{
    if (!m_filling)
        m_touched.insert(field);
}

void LeadForm::revalidate()
{
    if (m_filling)
        return;
    const Lead current = lead();
    m_problems = LeadValidator::validate(current, LeadValidator::OrderIdRule::AssignedOnSubmit);

    QHash<LeadField, QString> firstMessage;
    for (const LeadProblem &problem : std::as_const(m_problems)) {
        if (firstMessage.contains(problem.field))
            continue;
        firstMessage.insert(problem.field, problem.row >= 0
                                               ? tr("Row %1: %2").arg(problem.row + 1).arg(problem.message)
                                               : problem.message);
    }
    // A required field nobody has typed in yet is not an error to shout about: the summary beside the
    // send button lists it instead.
    auto requiredAndEmpty = [&current](LeadField field) {
        const LeadFieldDescriptor *descriptor = LeadFields::find(field);
        return descriptor->required && descriptor->member && (current.*descriptor->member).isEmpty();
    };
    QStringList faultyFields;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        const QString message = firstMessage.value(it.key());
        if (message.isEmpty()) {
            showProblem(it.key(), QString(), false);
            continue;
        }
        faultyFields.append(it.value().editor->accessibleName());
        const bool quiet = requiredAndEmpty(it.key()) && !m_touched.contains(it.key());
        showProblem(it.key(), message, !quiet);
        // Never hide a problem in a folded section: the operator could not find why sending is refused.
        if (it.value().section && !it.value().section->isExpanded())
            it.value().section->setExpanded(true);
    }

    const bool showPhoneHint = firstMessage.value(LeadField::Phone).isEmpty() && !current.phone.isEmpty() &&
                               current.phone != m_phoneEdit->text().trimmed();
    m_phoneHint->setText(showPhoneHint ? tr("Will be sent as %1").arg(current.phone) : QString());
    m_phoneHint->setVisible(showPhoneHint);

    if (!m_duplicatePanel->isHidden()) {
        m_problemSummary->setText(tr("Answer the question about the earlier order above."));
    } else if (faultyFields.isEmpty()) {
        m_problemSummary->setText(
            tr("Ready to send: %1.")
                .arg(QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)));
    } else {
        // In reading order, the order the operator will fix them in.
        std::sort(faultyFields.begin(), faultyFields.end(), [this](const QString &a, const QString &b) {
            auto position = [this](const QString &name) {
                for (qsizetype i = 0; i < m_readingOrder.size(); ++i) {
                    if (m_readingOrder.at(i)->accessibleName() == name)
                        return i;
                }
                return m_readingOrder.size();
            };
            return position(a) < position(b);
        });
        m_problemSummary->setText(tr("To send, complete: %1.").arg(faultyFields.join(QStringLiteral(", "))));
    }
    updateTotals();
    updateSubmitEnabled();
}

void LeadForm::showProblem(LeadField field, const QString &message, bool show)
{
    const FieldRow row = m_rows.value(field);
    if (!row.error)
        return;
    row.error->setText(show ? message : QString());
    row.error->setVisible(show);
    const QString base = row.editor->property("cpadeskBaseDescription").toString();
    row.editor->setAccessibleDescription(show ? message : base);
}

void LeadForm::onCurrencyChanged()
{
    const QString code = CurrencyCatalog::codeFor(m_currencyCombo->currentText());
    const int decimals = CurrencyCatalog::decimalsOf(code);
    m_itemDelegate->setPriceDecimals(decimals);
    m_itemsModel->setPriceDecimals(decimals);
    updateTotals();
}

void LeadForm::updateTotals()
{
    const Lead current = lead();
    const LeadTotals totals = LeadTotals::of(current);
    const QString currency = CurrencyCatalog::contains(current.currency) ? current.currency : QString();
    const QLocale loc = locale();
    m_goodsSumValue->setText(LeadTotals::formatMoney(totals.goods, currency, loc));
    m_discountValue->setText(
        totals.discount > 0
            // A minus sign of our own: some locales write negative money in accounting brackets.
            ? tr("\u2212%1 (%2 %)")
                  .arg(LeadTotals::formatMoney(totals.discount, currency, loc),
                       loc.toString(totals.discountPercent, 'f', QLocale::FloatingPointShortest))
            : LeadTotals::formatMoney(0, currency, loc));
    m_extraValue->setText(LeadTotals::formatMoney(totals.extra, currency, loc));
    m_totalValue->setText(LeadTotals::formatMoney(totals.total, currency, loc));
}

void LeadForm::updateSubmitEnabled()
{
    const bool canSend = m_gateway && isValid() && !isSubmitting() && m_duplicatePanel->isHidden();
    m_submitAction->setEnabled(canSend);
    m_submitButton->setEnabled(canSend);
    m_newLeadAction->setEnabled(!isSubmitting());
    m_newLeadButton->setEnabled(!isSubmitting());
}

void LeadForm::updateOrderIdLabel()
{
    if (m_storeTicket != 0)
        m_orderIdValue->setText(tr("being saved\u2026"));
    else if (m_autoIdCheck->isChecked())
        m_orderIdValue->setText(tr("auto: the network assigns it"));
    else
        m_orderIdValue->setText(tr("new: given when the lead is saved"));
    m_autoIdCheck->setEnabled(!isSubmitting());
}

// ------------------------------------------------------------------------------------------ submitting

void LeadForm::submit()
{
    if (!m_gateway || isSubmitting() || !m_duplicatePanel->isHidden())
        return;
    revalidate();
    if (!isValid()) {
        const FieldRow row = m_rows.value(m_problems.first().field);
        if (row.editor)
            row.editor->setFocus(Qt::OtherFocusReason);
        return;
    }
    const Lead current = lead();
    if (!m_duplicateConfirmed) {
        const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-kDuplicateWindowSecs);
        const QList<LeadSummary> earlier = m_gateway->findRecent(current.phone, current.offer, since);
        if (!earlier.isEmpty()) {
            showDuplicateWarning(earlier);
            return;
        }
    }
    sendNow();
}

void LeadForm::sendNow()
{
    const Lead current = lead();
    m_duplicateConfirmed = false;
    m_storingLead = current;
    // The journal commits without the window waiting; until it says "stored" (a moment), the form is
    // locked so that the lead cannot be changed or sent twice.
    m_storeTicket = m_gateway->submitInBackground(current);
    updateOrderIdLabel();
    updateSubmitEnabled();
    showBanner(BannerKind::Info, tr("Saving the lead\u2026"));
}

void LeadForm::onStored(quint64 ticket, const QString &orderId)
{
    if (ticket != m_storeTicket)
        return;
    m_storeTicket = 0;
    m_latestOrderId = orderId;
    rememberOffer(m_storingLead.offer);
    showBanner(BannerKind::Info, tr("Order %1 is saved and being sent. Its answer will show under Recent "
                                    "leads: you can take the next call.")
                                     .arg(orderId));
    emit leadSubmitted(orderId, m_storingLead);
    // The lead is safe in the journal: the operator does not wait for the network.
    clearForNextLead();
}

void LeadForm::onNotStored(quint64 ticket, const QString &reason)
{
    if (ticket != m_storeTicket)
        return;
    m_storeTicket = 0;
    qCWarning(lcLeadForm) << "the journal refused a lead:" << reason;
    showBanner(BannerKind::Error, tr("The lead could not be saved, so nothing was sent: %1").arg(reason));
    updateOrderIdLabel();
    updateSubmitEnabled();
}

void LeadForm::onSent(const QString &ourOrderId, const QString &networkOrderId)
{
    if (ourOrderId != m_latestOrderId)
        return; // an earlier lead (or one from the outbox): the recent leads show those
    showBanner(BannerKind::Success,
               tr("Order %1 was sent. The network's order number is %2.").arg(ourOrderId, networkOrderId));
}

void LeadForm::onRejected(const QString &ourOrderId, const ApiError &error)
{
    if (ourOrderId != m_latestOrderId)
        return;
    const QString why = error.message.isEmpty() ? error.code : error.message;
    // The form may already hold the next customer: the refused lead is corrected from the outbox,
    // under its own order id, never retyped here as a second order.
    showBanner(BannerKind::Error, tr("The network refused order %1: %2 (code: %3). Open it under Recent "
                                     "leads to correct it and send it again.")
                                      .arg(ourOrderId, why, error.code));
}

void LeadForm::onDeferred(const QString &ourOrderId, const ApiError &error)
{
    if (ourOrderId != m_latestOrderId)
        return;
    const QString why = error.message.isEmpty() ? error.code : error.message;
    showBanner(BannerKind::Info, tr("Order %1 is saved and will be sent automatically when the network "
                                    "answers (%2). You can take the next call.")
                                     .arg(ourOrderId, why));
}

void LeadForm::showDuplicateWarning(const QList<LeadSummary> &earlier)
{
    const QLocale loc = locale();
    QStringList lines;
    lines.append(tr("This phone number already ordered offer %1 in the last 24 hours:").arg(lead().offer));
    for (qsizetype i = 0; i < qMin<qsizetype>(kEarlierOrdersShown, earlier.size()); ++i) {
        const LeadSummary &summary = earlier.at(i);
        const QString order =
            summary.networkOrderId.isEmpty()
                ? tr("order %1").arg(summary.ourOrderId)
                : tr("order %1 (network order %2)").arg(summary.ourOrderId, summary.networkOrderId);
        QString state = SendStates::displayName(SendStates::fromText(summary.sendState));
        const QString stage = summary.stage.isEmpty() ? QString() : StatusCatalog::stageName(summary.stage);
        const QString status = StatusCatalog::statusName(summary.status);
        if (!stage.isEmpty())
            state = tr("%1, %2").arg(state, stage);
        if (!status.isEmpty())
            state = tr("%1, status: %2").arg(state, status);
        const QString customer = summary.name.isEmpty() ? tr("no name given") : summary.name;
        lines.append(tr("\u2022 %1 at %2 for %3: %4")
                         .arg(order, loc.toString(summary.createdAt.toLocalTime(), QLocale::ShortFormat),
                              customer, state));
    }
    if (earlier.size() > kEarlierOrdersShown)
        lines.append(
            tr("\u2026 and %n more.", nullptr, static_cast<int>(earlier.size() - kEarlierOrdersShown)));
    lines.append(tr("Send another order anyway?"));
    m_duplicateLabel->setText(lines.join(u'\n'));
    m_duplicatePanel->setAccessibleName(tr("Possible double order"));
    m_duplicatePanel->setAccessibleDescription(m_duplicateLabel->text());
    m_duplicatePanel->show();
    revalidate(); // the summary beside the send button now points at the question
    // The safe answer has the focus: Enter does not create a double order by accident.
    m_cancelSendButton->setFocus(Qt::OtherFocusReason);
}

void LeadForm::hideDuplicateWarning()
{
    m_duplicatePanel->hide();
    revalidate();
}

void LeadForm::showBanner(BannerKind kind, const QString &text)
{
    QPalette palette = m_banner->palette();
    switch (kind) {
    case BannerKind::Info:
        palette.setColor(QPalette::Window, QColor(0xe8, 0xf0, 0xfe));
        palette.setColor(QPalette::WindowText, QColor(0x17, 0x2b, 0x4d));
        break;
    case BannerKind::Success:
        palette.setColor(QPalette::Window, QColor(0xe6, 0xf4, 0xea));
        palette.setColor(QPalette::WindowText, QColor(0x0d, 0x3b, 0x1e));
        break;
    case BannerKind::Error:
        palette.setColor(QPalette::Window, QColor(0xfc, 0xe8, 0xe6));
        palette.setColor(QPalette::WindowText, QColor(0x5c, 0x0b, 0x0b));
        break;
    }
    m_banner->setPalette(palette);
    m_banner->setProperty("kind", kind == BannerKind::Error     ? QStringLiteral("error")
                                  : kind == BannerKind::Success ? QStringLiteral("success")
                                                                : QStringLiteral("info"));
    m_bannerLabel->setText(text);
    m_banner->setAccessibleDescription(text);
    m_banner->show();
}

void LeadForm::hideBanner()
{
    m_banner->hide();
    m_bannerLabel->clear();
}

void LeadForm::newLead()
{
    if (isSubmitting())
        return;
    hideBanner();
    clearForNextLead();
}

void LeadForm::clearForNextLead()
{
    const Lead previous = lead();
    fillFrom(defaultsLead(), toSet(LeadFields::apiNames()));
    fillFrom(previous, toSet(m_defaults.stickyFields));
    m_touched.clear();
    m_duplicateConfirmed = false;
    hideDuplicateWarning();
    updateOrderIdLabel();
    revalidate();
    focusFirstEmptyField();
}

void LeadForm::rememberOffer(const QString &offer)
{
    if (offer.isEmpty())
        return;
    QStringList offers = m_defaults.recentOffers;
    offers.removeAll(offer);
    offers.prepend(offer);
    while (offers.size() > kRecentOffersKept)
        offers.removeLast();
    if (offers == m_defaults.recentOffers)
        return;
    LeadFormDefaults updated = m_defaults;
    updated.recentOffers = offers;
    setDefaults(updated);
    emit recentOffersChanged(offers);
}

void LeadForm::focusFirstEmptyField()
{
    if (m_offerCombo->currentText().isEmpty())
        m_offerCombo->setFocus(Qt::OtherFocusReason);
    else
        m_rows.value(LeadField::Name).editor->setFocus(Qt::OtherFocusReason);
}
