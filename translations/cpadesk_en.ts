<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnalyticsTableModel</name>
    <message numerus="yes">
        <source>Approved within %n day(s)</source>
        <translation>
            <numerusform>Approved within %n day</numerusform>
            <numerusform>Approved within %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalyticsView</name>
    <message numerus="yes">
        <source>%Ln lead(s): approval %1, approval without trash %2, trash %3, buyout %4.</source>
        <translation>
            <numerusform>%Ln lead: approval %1, approval without trash %2, trash %3, buyout %4.</numerusform>
            <numerusform>%Ln leads: approval %1, approval without trash %2, trash %3, buyout %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n lead(s) of %3</source>
        <translation>
            <numerusform>%1 — %2: %n lead of %3</numerusform>
            <numerusform>%1 — %2: %n leads of %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n lead(s) approved within %3</source>
        <translation>
            <numerusform>%1: %2 of %n lead approved within %3</numerusform>
            <numerusform>%1: %2 of %n leads approved within %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) to the clipboard.</source>
        <translation>
            <numerusform>Copied %n row to the clipboard.</numerusform>
            <numerusform>Copied %n rows to the clipboard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>… and %n more lines that could not be read.</source>
        <translation>
            <numerusform>… and %n more line that could not be read.</numerusform>
            <numerusform>… and %n more lines that could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking %n rows…</source>
        <translation>
            <numerusform>Checking %n row…</numerusform>
            <numerusform>Checking %n rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them correct orders the network rejected, and will be sent again.</source>
        <translation>
            <numerusform>%n of them corrects an order the network rejected, and will be sent again.</numerusform>
            <numerusform>%n of them correct orders the network rejected, and will be sent again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrected rows were stored again under the order ids the network had rejected.</source>
        <translation>
            <numerusform>%n corrected row was stored again under the order id the network had rejected.</numerusform>
            <numerusform>%n corrected rows were stored again under the order ids the network had rejected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportIdsDialog</name>
    <message numerus="yes">
        <source>%n order id(s) to track.</source>
        <translation>
            <numerusform>%n order id to track.</numerusform>
            <numerusform>%n order ids to track.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n lead(s) changed stage.</source>
        <translation>
            <numerusform>%n lead changed stage.</numerusform>
            <numerusform>%n leads changed stage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) waiting to be sent</source>
        <translation>
            <numerusform>%n lead waiting to be sent</numerusform>
            <numerusform>%n leads waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) waiting for the account&apos;s user id and key</source>
        <translation>
            <numerusform>%n lead waiting for the account&apos;s user id and key</numerusform>
            <numerusform>%n leads waiting for the account&apos;s user id and key</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message numerus="yes">
        <source>%n lead(s) waiting to be sent</source>
        <translation>
            <numerusform>%n lead waiting to be sent</numerusform>
            <numerusform>%n leads waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard %n lead(s)? They will not be sent, and the customer&apos;s order is lost unless it is entered again.</source>
        <translation>
            <numerusform>Discard %n lead? It will not be sent, and the customer&apos;s order is lost unless it is entered again.</numerusform>
            <numerusform>Discard %n leads? They will not be sent, and the customer&apos;s order is lost unless it is entered again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) discarded.</source>
        <translation>
            <numerusform>%n lead discarded.</numerusform>
            <numerusform>%n leads discarded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) not yet shared with the team</source>
        <translation>
            <numerusform>%n lead not yet shared with the team</numerusform>
            <numerusform>%n leads not yet shared with the team</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsApply</name>
    <message numerus="yes">
        <source>The profile “%1” still holds %n lead(s) waiting to be sent: send or discard them in its outbox before removing it.</source>
        <translation>
            <numerusform>The profile “%1” still holds %n lead waiting to be sent: send or discard it in its outbox before removing it.</numerusform>
            <numerusform>The profile “%1” still holds %n leads waiting to be sent: send or discard them in its outbox before removing it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message numerus="yes">
        <source>%n lead(s) shown</source>
        <translation>
            <numerusform>%n lead shown</numerusform>
            <numerusform>%n leads shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %n lead(s)...</source>
        <translation>
            <numerusform>Refreshing %n lead...</numerusform>
            <numerusform>Refreshing %n leads...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n lead(s) to %1</source>
        <translation>
            <numerusform>Exported %n lead to %1</numerusform>
            <numerusform>Exported %n leads to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order id(s) added to the table; %1 were there already.</source>
        <translation>
            <numerusform>%n order id added to the table; %1 were there already.</numerusform>
            <numerusform>%n order ids added to the table; %1 were there already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order id(s) added to the table.</source>
        <translation>
            <numerusform>%n order id added to the table.</numerusform>
            <numerusform>%n order ids added to the table.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamSharingStatus</name>
    <message numerus="yes">
        <source>Sharing with the team: %n lead(s) to go</source>
        <translation>
            <numerusform>Sharing with the team: %n lead to go</numerusform>
            <numerusform>Sharing with the team: %n leads to go</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team server unreachable since %1 — %n lead(s) waiting to be shared</source>
        <translation>
            <numerusform>Team server unreachable since %1 — %n lead waiting to be shared</numerusform>
            <numerusform>Team server unreachable since %1 — %n leads waiting to be shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team server refuses this workstation since %1 (%2) — %n lead(s) waiting to be shared</source>
        <translation>
            <numerusform>Team server refuses this workstation since %1 (%2) — %n lead waiting to be shared</numerusform>
            <numerusform>Team server refuses this workstation since %1 (%2) — %n leads waiting to be shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the team&apos;s leads (manager login) — %n lead(s) of this workstation not shared: a manager&apos;s login shares nothing</source>
        <translation>
            <numerusform>Reading the team&apos;s leads (manager login) — %n lead of this workstation not shared: a manager&apos;s login shares nothing</numerusform>
            <numerusform>Reading the team&apos;s leads (manager login) — %n leads of this workstation not shared: a manager&apos;s login shares nothing</numerusform>
        </translation>
    </message>
</context>
</TS>
