#pragma once

#include "leads/Lead.h"
#include "leads/LeadFields.h"
#include "leads/LeadFormDefaults.h"
#include "leads/LeadValidator.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

struct ApiError;
struct LeadSummary;
class CollapsibleSection;
class CustomFieldsModel;
class LeadGateway;
class LeadItemDelegate;
class LeadItemsModel;
class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;
class RowsEditor;

// The operator's lead entry screen: every field of add.json, validated as it is typed, sent through a
// LeadGateway (which journals the lead before anything goes on the wire) and answered in a banner.
//
// One lead, one order id: the id comes from the gateway when the lead is submitted. The form is locked only
// while the journal stores the lead (a moment); then it is free for the next call whatever the network
// does, and the lead's answer goes to the recent leads (RecentLeads) and, for the latest lead, to the
// banner. Before sending, leads with the same phone
// and offer from the last 24 hours are shown in an inline warning that needs a second, explicit "Send
// anyway". Nothing here touches the network or the settings.
class LeadForm : public QWidget
{
    Q_OBJECT

public:
    LeadForm(LeadGateway *gateway, const LeadFormDefaults &defaults, QWidget *parent = nullptr);
    ~LeadForm() override;

    // The lead as it would be sent now: phone normalised, amounts in the API's number form, country and
    // currency as ISO codes. The order id is "auto" or empty (the gateway gives one on submit).
    Lead lead() const;
    // Fills the form, e.g. to correct and resend a lead the network refused.
    void loadLead(const Lead &lead);

    void setDefaults(const LeadFormDefaults &defaults);
    LeadFormDefaults defaults() const { return m_defaults; }
    // Most recent first, including offers sent since the form was made; the application saves them.
    QStringList recentOffers() const { return m_defaults.recentOffers; }

    bool isValid() const { return m_problems.isEmpty(); }
    QList<LeadProblem> problems() const { return m_problems; }
    // From Send until the journal holds the lead (never waits for the network).
    bool isSubmitting() const { return m_storeTicket != 0; }

    // Ctrl+Enter / Ctrl+Return and Ctrl+N; the main window may also put them in its menus.
    QAction *submitAction() const { return m_submitAction; }
    QAction *newLeadAction() const { return m_newLeadAction; }

public slots:
    // Checks for a recent lead with the same phone and offer, then hands the lead to the gateway.
    void submit();
    // Starts a fresh lead: defaults, plus the sticky fields of the current one.
    void newLead();

signals:
    // The gateway has the lead in its journal: it will not be lost whatever the network does.
    void leadSubmitted(const QString &ourOrderId, const Lead &lead);
    void recentOffersChanged(const QStringList &offers);

private:
    struct FieldRow
    {
        QLabel *label = nullptr;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
        CollapsibleSection *section = nullptr;
        QVBoxLayout *cell = nullptr; // the editor, its error and any hint below it
    };
    enum class BannerKind
    {
        Info,
        Success,
        Error
    };

    // Building: one row per field of LeadFields, in its section
    struct SectionLook;
    static const QList<SectionLook> &sectionLooks();
    QWidget *buildSection(const SectionLook &look);
    void addField(QFormLayout *form, const LeadFieldDescriptor &field);
    void addOrderIdRow(QFormLayout *form, const QString &label);
    QWidget *buildTotals();
    QWidget *buildDuplicatePanel();
    QWidget *buildBottomBar();
    QFormLayout *newFormLayout(CollapsibleSection *section);
    void addRow(QFormLayout *layout, LeadField field, const QString &label, QWidget *editor,
                const QString &baseName);
    void connectEdits();
    void setTabOrderToReadingOrder();
    void alignLabelColumns();

    // Behaviour
    void revalidate();
    void showProblem(LeadField field, const QString &message, bool show);
    void updateTotals();
    void updateSubmitEnabled();
    void updateOrderIdLabel();
    void markTouched(LeadField field);
    void onCurrencyChanged();
    void sendNow();
    void showDuplicateWarning(const QList<LeadSummary> &earlier);
    void hideDuplicateWarning();
    void showBanner(BannerKind kind, const QString &text);
    void hideBanner();
    void clearForNextLead();
    void fillFrom(const Lead &lead, const QSet<QString> &fields);
    Lead defaultsLead() const;
    void openSectionsWithContent();
    void rememberOffer(const QString &offer);
    void focusFirstEmptyField();

    void onStored(quint64 ticket, const QString &orderId);
    void onNotStored(quint64 ticket, const QString &reason);
    void onSent(const QString &ourOrderId, const QString &networkOrderId);
    void onRejected(const QString &ourOrderId, const ApiError &error);
    void onDeferred(const QString &ourOrderId, const ApiError &error);

    QPointer<LeadGateway> m_gateway;
    LeadFormDefaults m_defaults;
    LeadItemsModel *m_itemsModel = nullptr;
    CustomFieldsModel *m_paramsModel = nullptr;
    LeadItemDelegate *m_itemDelegate = nullptr;

    QHash<LeadField, FieldRow> m_rows;
    QSet<LeadField> m_touched;
    QList<LeadProblem> m_problems;
    quint64 m_storeTicket = 0; // the lead being stored (submitInBackground()); 0 when none
    Lead m_storingLead;
    QString m_latestOrderId; // the last lead stored from this form: its answer also goes to the banner
    bool m_duplicateConfirmed = false;
    bool m_filling = false; // while the form fills itself, edits are not the operator's

    QScrollArea *m_scroll = nullptr;
    CollapsibleSection *m_currentSection = nullptr; // the section rows are being added to
    QList<QWidget *> m_readingOrder;                // focusable widgets, in the order they were built

    // The editors with code of their own; the others are found through m_rows.
    QLabel *m_orderIdValue = nullptr;
    QCheckBox *m_autoIdCheck = nullptr;
    QLabel *m_autoIdNote = nullptr;
    QComboBox *m_offerCombo = nullptr;
    QLineEdit *m_phoneEdit = nullptr;
    QLabel *m_phoneHint = nullptr;
    QComboBox *m_countryCombo = nullptr;
    QComboBox *m_currencyCombo = nullptr;
    RowsEditor *m_itemsEditor = nullptr;
    RowsEditor *m_paramsEditor = nullptr;
    QPlainTextEdit *m_commentEdit = nullptr;
    // Totals under the goods
    QLabel *m_goodsSumValue = nullptr;
    QLabel *m_discountValue = nullptr;
    QLabel *m_extraValue = nullptr;
    QLabel *m_totalValue = nullptr;

    // Answers and actions
    QFrame *m_banner = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QFrame *m_duplicatePanel = nullptr;
    QLabel *m_duplicateLabel = nullptr;
    QPushButton *m_sendAnywayButton = nullptr;
    QPushButton *m_cancelSendButton = nullptr;
    QLabel *m_problemSummary = nullptr;
    QPushButton *m_newLeadButton = nullptr;
    QPushButton *m_submitButton = nullptr;
    QAction *m_submitAction = nullptr;
    QAction *m_newLeadAction = nullptr;
};
