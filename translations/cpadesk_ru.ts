<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActiveProfileGateway</name>
    <message>
        <source>No profile is active yet; the lead was not stored. Try again in a moment.</source>
        <translation>Активный профиль ещё не выбран; лид не сохранён. Повторите попытку через несколько секунд.</translation>
    </message>
    <message>
        <source>The profile changed while this lead was being saved. Look for it in the previous profile&apos;s outbox before sending it again.</source>
        <translation>Профиль сменился, пока лид сохранялся. Поищите его в исходящих предыдущего профиля, прежде чем отправлять снова.</translation>
    </message>
    <message>
        <source>%1 Enter them in the settings, then send the lead again.</source>
        <translation>%1 Укажите их в настройках и отправьте лид снова.</translation>
    </message>
</context>
<context>
    <name>AnalyticsFigures</name>
    <message>
        <source>Offer</source>
        <translation>Оффер</translation>
    </message>
    <message>
        <source>Webmaster</source>
        <translation>Вебмастер</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Остальные</translation>
    </message>
    <message>
        <source>No offer</source>
        <translation>Без оффера</translation>
    </message>
    <message>
        <source>No webmaster</source>
        <translation>Без вебмастера</translation>
    </message>
    <message>
        <source>No country</source>
        <translation>Без страны</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Неделя с %1</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>No operator</source>
        <translation>Без оператора</translation>
    </message>
</context>
<context>
    <name>AnalyticsTableModel</name>
    <message>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <source>Trash rate</source>
        <translation>Доля треша</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
    <message>
        <source>Share of sent</source>
        <translation>Доля от отправленных</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выкуплено</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message numerus="yes">
        <source>Approved within %n day(s)</source>
        <translation>
            <numerusform>Подтверждено за %n день</numerusform>
            <numerusform>Подтверждено за %n дня</numerusform>
            <numerusform>Подтверждено за %n дней</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalyticsView</name>
    <message>
        <source>Not reported yet</source>
        <translation>Ещё без ответа сети</translation>
    </message>
    <message>
        <source>Other stages</source>
        <translation>Другие этапы</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>График</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Press Enter on a row or a stage count to open those leads.</source>
        <translation>Нажмите Enter на строке или на числе этапа, чтобы открыть эти лиды.</translation>
    </message>
    <message>
        <source>&amp;Copy table</source>
        <translation>&amp;Копировать таблицу</translation>
    </message>
    <message>
        <source>&amp;Breakdown:</source>
        <translation>&amp;Разрез:</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Этапы</translation>
    </message>
    <message>
        <source>Approval and trash rate</source>
        <translation>Аппрув и доля треша</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <source>Approval cohorts</source>
        <translation>Когорты аппрува</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>&amp;Offer:</source>
        <translation>&amp;Оффер:</translation>
    </message>
    <message>
        <source>&amp;Webmaster:</source>
        <translation>Веб&amp;мастер:</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>С&amp;трана:</translation>
    </message>
    <message>
        <source>Filter by creation date</source>
        <translation>Фильтр по дате создания</translation>
    </message>
    <message>
        <source>Created from</source>
        <translation>Созданы с</translation>
    </message>
    <message>
        <source>&amp;and</source>
        <translation>&amp;и</translation>
    </message>
    <message>
        <source>Created until</source>
        <translation>Созданы по</translation>
    </message>
    <message>
        <source>Export chart (PNG, SVG)…</source>
        <translation>Экспорт графика (PNG, SVG)…</translation>
    </message>
    <message>
        <source>Export table (CSV)…</source>
        <translation>Экспорт таблицы (CSV)…</translation>
    </message>
    <message>
        <source>Copy table</source>
        <translation>Копировать таблицу</translation>
    </message>
    <message numerus="yes">
        <source>%Ln lead(s): approval %1, approval without trash %2, trash %3, buyout %4.</source>
        <translation>
            <numerusform>%Ln лид: аппрув %1, аппрув без треша %2, треш %3, выкуп %4.</numerusform>
            <numerusform>%Ln лида: аппрув %1, аппрув без треша %2, треш %3, выкуп %4.</numerusform>
            <numerusform>%Ln лидов: аппрув %1, аппрув без треша %2, треш %3, выкуп %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads by stage, per %1</source>
        <translation>Лиды по этапам, разрез: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2: %n lead(s) of %3</source>
        <translation>
            <numerusform>%1 — %2: %n лид из %3</numerusform>
            <numerusform>%1 — %2: %n лида из %3</numerusform>
            <numerusform>%1 — %2: %n лидов из %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <source>Approval and trash rate, per %1</source>
        <translation>Аппрув и доля треша, разрез: %1</translation>
    </message>
    <message>
        <source>Trash rate</source>
        <translation>Доля треша</translation>
    </message>
    <message>
        <source>%1 — %2: %3 (%4 of %5)</source>
        <translation>%1 — %2: %3 (%4 из %5)</translation>
    </message>
    <message>
        <source>Funnel: sent → approved → completed</source>
        <translation>Воронка: отправлено → подтверждено → выкуплено</translation>
    </message>
    <message>
        <source>%1: %2 (%3 of sent)</source>
        <translation>%1: %2 (%3 от отправленных)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выкуплено</translation>
    </message>
    <message>
        <source>Approved within 1, 3, 7 and 14 days, by day of creation</source>
        <translation>Подтверждено за 1, 3, 7 и 14 дней, по дню создания</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n lead(s) approved within %3</source>
        <translation>
            <numerusform>%1: %2 из %n лида подтверждены за %3</numerusform>
            <numerusform>%1: %2 из %n лидов подтверждены за %3</numerusform>
            <numerusform>%1: %2 из %n лидов подтверждены за %3</numerusform>
        </translation>
    </message>
    <message>
        <source>all leads counted</source>
        <translation>все учтённые лиды</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) to the clipboard.</source>
        <translation>
            <numerusform>%n строка скопирована в буфер обмена.</numerusform>
            <numerusform>%n строки скопированы в буфер обмена.</numerusform>
            <numerusform>%n строк скопировано в буфер обмена.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Экспорт графика</translation>
    </message>
    <message>
        <source>analytics.png</source>
        <translation>аналитика.png</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Изображение PNG (*.png);;Рисунок SVG (*.svg)</translation>
    </message>
    <message>
        <source>Exported the chart to %1</source>
        <translation>График сохранён в %1</translation>
    </message>
    <message>
        <source>Could not export the chart: %1</source>
        <translation>Не удалось сохранить график: %1</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Экспорт таблицы</translation>
    </message>
    <message>
        <source>analytics.csv</source>
        <translation>аналитика.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n строка сохранена в %1</numerusform>
            <numerusform>%n строки сохранены в %1</numerusform>
            <numerusform>%n строк сохранено в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not export the table: %1</source>
        <translation>Не удалось сохранить таблицу: %1</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Доля</translation>
    </message>
    <message>
        <source>Waiting for the team server to count the leads…</source>
        <translation>Ждём, пока сервер команды подсчитает лиды…</translation>
    </message>
    <message>
        <source>My leads</source>
        <translation>Мои лиды</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Team counts every operator&apos;s leads as the team server holds them</source>
        <translation>«Команда» считает лиды всех операторов так, как их хранит сервер команды</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>Опер&amp;атор:</translation>
    </message>
    <message>
        <source>The team server could not be read, so the team&apos;s figures are not shown: %1</source>
        <translation>Не удалось прочитать сервер команды, поэтому показатели команды не показаны: %1</translation>
    </message>
    <message>
        <source>The figures could not be counted: %1</source>
        <translation>Не удалось подсчитать показатели: %1</translation>
    </message>
    <message>
        <source>Vi&amp;ew:</source>
        <translation>Ви&amp;д:</translation>
    </message>
    <message>
        <source>Cha&amp;rt:</source>
        <translation>&amp;График:</translation>
    </message>
    <message>
        <source>&amp;Created between</source>
        <translation>Со&amp;зданы между</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The API address is not a valid http:// or https:// URL.</source>
        <translation>Адрес API не является корректным URL вида http:// или https://.</translation>
    </message>
    <message>
        <source>The user ID is not set.</source>
        <translation>Не указан ID пользователя.</translation>
    </message>
    <message>
        <source>The API key is not set.</source>
        <translation>Не указан ключ API.</translation>
    </message>
    <message>
        <source>Signed requests work only with the form encoding: switch the body encoding to form, or turn request signing off.</source>
        <translation>Подписанные запросы работают только с кодировкой тела «Форма»: выберите эту кодировку или отключите подпись запросов.</translation>
    </message>
</context>
<context>
    <name>ApiEndpoint</name>
    <message>
        <source>The API address “%1” is not a valid http:// or https:// URL.</source>
        <translation>Адрес API «%1» не является корректным URL вида http:// или https://.</translation>
    </message>
</context>
<context>
    <name>AppCommandLine</name>
    <message>
        <source>The built-in sandbox answers &lt;ms&gt; late, give or take &lt;jitter&gt; (e.g. 150,30), as a distant server would.</source>
        <translation>Встроенная песочница отвечает с задержкой &lt;ms&gt;, плюс-минус &lt;jitter&gt; (например, 150,30), как далёкий сервер.</translation>
    </message>
    <message>
        <source>ms[,jitter]</source>
        <translation>мс[,разброс]</translation>
    </message>
    <message>
        <source>--sandbox-latency needs milliseconds, optionally a comma and a jitter no larger than them, such as 150,30.</source>
        <translation>--sandbox-latency ждёт миллисекунды и, через запятую, необязательный разброс не больше их, например 150,30.</translation>
    </message>
    <message>
        <source>Send customer orders to an affiliate network and follow their statuses.</source>
        <translation>Отправка заказов клиентов в партнёрскую сеть и отслеживание их статусов.</translation>
    </message>
    <message>
        <source>Use the affiliate API at &lt;url&gt; for this run.</source>
        <translation>Использовать в этом запуске API партнёрской сети по адресу &lt;адрес&gt;.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>Work against the built-in sandbox, whatever the profile says.</source>
        <translation>Работать со встроенной песочницей, что бы ни было указано в профиле.</translation>
    </message>
    <message>
        <source>Open the profile called &lt;name&gt;.</source>
        <translation>Открыть профиль с именем &lt;имя&gt;.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>Interface language: system, en or ru (overrides the setting).</source>
        <translation>Язык интерфейса: system, en или ru (важнее, чем настройка).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <source>Keep the journal and the settings in &lt;folder&gt;.</source>
        <translation>Хранить журнал и настройки в папке &lt;папка&gt;.</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>папка</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Лишний аргумент: %1</translation>
    </message>
    <message>
        <source>--sandbox and --api-url cannot be used together: choose one.</source>
        <translation>--sandbox и --api-url нельзя указывать вместе: выберите что-то одно.</translation>
    </message>
    <message>
        <source>--profile needs a profile name.</source>
        <translation>Для --profile нужно имя профиля.</translation>
    </message>
    <message>
        <source>--api-url needs a full http:// or https:// address, such as https://api.example.com/api/</source>
        <translation>Для --api-url нужен полный адрес http:// или https://, например https://api.example.com/api/</translation>
    </message>
    <message>
        <source>--api-url must not carry a query or credentials: enter the user id and key in the settings.</source>
        <translation>В --api-url не должно быть параметров запроса и учётных данных: ID пользователя и ключ указываются в настройках.</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;: use system, %2.</source>
        <translation>Неизвестный язык «%1»: укажите system, %2.</translation>
    </message>
    <message>
        <source>--data-dir needs a folder.</source>
        <translation>Для --data-dir нужна папка.</translation>
    </message>
    <message>
        <source>--data-dir: %1 exists and is not a folder.</source>
        <translation>--data-dir: %1 существует и не является папкой.</translation>
    </message>
    <message>
        <source>Run %1 --help for the list of options.</source>
        <translation>Список параметров: %1 --help</translation>
    </message>
    <message>
        <source>The built-in sandbox answers as older engine builds do (no stage, the engine&apos;s own status words).</source>
        <translation>Встроенная песочница отвечает как старые сборки движка (без этапа, со словами самого движка для статуса).</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Не удалось создать папку данных %1.</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Командная строка</translation>
    </message>
    <message>
        <source>The built-in sandbox could not start: no free port on 127.0.0.1.</source>
        <translation>Не удалось запустить встроенную песочницу: на 127.0.0.1 нет свободного порта.</translation>
    </message>
</context>
<context>
    <name>CollapsibleSection</name>
    <message>
        <source>Hide these fields</source>
        <translation>Скрыть эти поля</translation>
    </message>
    <message>
        <source>Show these fields</source>
        <translation>Показать эти поля</translation>
    </message>
    <message>
        <source>Expanded</source>
        <translation>Развёрнуто</translation>
    </message>
    <message>
        <source>Collapsed</source>
        <translation>Свёрнуто</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>column %1</source>
        <translation>столбец %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a good as id:price:count (for example 135:9900:1).</source>
        <translation>«%1» — не товар в виде id:цена:количество (например, 135:9900:1).</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Checking whether a system keychain is available…</source>
        <translation>Проверка доступности системного хранилища паролей…</translation>
    </message>
    <message>
        <source>Keys are kept in the system keychain, not in the settings files.</source>
        <translation>Ключи API хранятся в системном хранилище паролей, а не в файлах настроек.</translation>
    </message>
    <message>
        <source>No system keychain answered, so keys are kept in the file %1, readable only by your user account. Anyone who can log in as you or read your backups can read them.</source>
        <translation>Системное хранилище паролей не ответило, поэтому ключи API хранятся в файле %1, доступном для чтения только вашей учётной записи. Их может прочитать любой, кто войдёт в систему под вашим именем или получит доступ к вашим резервным копиям.</translation>
    </message>
    <message>
        <source>The system keychain refused access (is it locked?). Keys cannot be read or saved until it is unlocked.</source>
        <translation>Системное хранилище паролей отказало в доступе (может быть, оно заблокировано?). Ключи API нельзя прочитать или сохранить, пока оно не будет разблокировано.</translation>
    </message>
    <message>
        <source>No profile was given for the key.</source>
        <translation>Для ключа не указан профиль.</translation>
    </message>
    <message>
        <source>The system keychain did not save the key: %1</source>
        <translation>Системное хранилище паролей не сохранило ключ: %1</translation>
    </message>
    <message>
        <source>The system keychain did not delete the key: %1</source>
        <translation>Системное хранилище паролей не удалило ключ: %1</translation>
    </message>
    <message>
        <source>The system keychain did not give the key: %1</source>
        <translation>Системное хранилище паролей не выдало ключ: %1</translation>
    </message>
</context>
<context>
    <name>CsvDecoder</name>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>This is not a text file (it holds binary data). Save the spreadsheet as CSV and import that file.</source>
        <translation>Это не текстовый файл (в нём двоичные данные). Сохраните таблицу в формате CSV и импортируйте этот файл.</translation>
    </message>
    <message>
        <source>The file holds no rows.</source>
        <translation>В файле нет строк.</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>CsvParser</name>
    <message>
        <source>Line %1: a quoted field is never closed; the line was left out.</source>
        <translation>Строка %1: кавычки поля не закрыты; строка пропущена.</translation>
    </message>
    <message>
        <source>Line %1 has more than %2 columns; it was left out.</source>
        <translation>В строке %1 больше %2 столбцов; она пропущена.</translation>
    </message>
    <message>
        <source>Line %1 has %2 fields where %3 were expected; it was left out.</source>
        <translation>В строке %1 полей: %2, ожидалось %3; она пропущена.</translation>
    </message>
</context>
<context>
    <name>CustomFieldsModel</name>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
</context>
<context>
    <name>ErrorCatalog</name>
    <message>
        <source>The server&apos;s certificate is not the one this profile pins: its SHA-256 fingerprint is %1. Check the API address; if the server&apos;s certificate was renewed, compare this fingerprint with the one its administrator gives you and pin it in the settings.</source>
        <translation>Сертификат сервера не тот, что закреплён в этом профиле: его отпечаток SHA-256 — %1. Проверьте адрес API; если сертификат сервера обновили, сверьте этот отпечаток с тем, что даст администратор сервера, и закрепите его в настройках.</translation>
    </message>
    <message>
        <source>The secure connection to the API could not be established: its certificate is not trusted (SHA-256 fingerprint %1). Check the API address; if this is your own server with a self-signed certificate, compare this fingerprint with the one its administrator gives you and pin it in the profile&apos;s settings.</source>
        <translation>Не удалось установить защищённое соединение с API: его сертификату нет доверия (отпечаток SHA-256 %1). Проверьте адрес API; если это ваш собственный сервер с самоподписанным сертификатом, сверьте этот отпечаток с тем, что даст администратор сервера, и закрепите его в настройках профиля.</translation>
    </message>
    <message>
        <source>The lead was sent without an offer ID.</source>
        <translation>Лид отправлен без ID оффера.</translation>
    </message>
    <message>
        <source>The lead was sent without an order ID.</source>
        <translation>Лид отправлен без номера заказа.</translation>
    </message>
    <message>
        <source>The lead was sent without a phone number.</source>
        <translation>Лид отправлен без номера телефона.</translation>
    </message>
    <message>
        <source>The network already has this order: it was created earlier with the same details.</source>
        <translation>Этот заказ уже есть в сети: он был создан ранее с теми же данными.</translation>
    </message>
    <message>
        <source>The network does not know this offer, or it is not available to this account.</source>
        <translation>Сеть не знает этот оффер, или он недоступен для этого аккаунта.</translation>
    </message>
    <message>
        <source>This account is blocked by the network.</source>
        <translation>Этот аккаунт заблокирован сетью.</translation>
    </message>
    <message>
        <source>This phone or IP address is banned by the network.</source>
        <translation>Этот телефон или IP-адрес заблокирован сетью.</translation>
    </message>
    <message>
        <source>The network does not accept traffic for this offer at the moment.</source>
        <translation>Сеть сейчас не принимает трафик по этому офферу.</translation>
    </message>
    <message>
        <source>The network had an internal error while saving the lead. Try again later.</source>
        <translation>Внутренняя ошибка сети при сохранении лида. Повторите попытку позже.</translation>
    </message>
    <message>
        <source>The network does not accept this user ID and key. Check them in the settings.</source>
        <translation>Сеть не принимает этот ID пользователя и ключ API. Проверьте их в настройках.</translation>
    </message>
    <message>
        <source>The network rejected the request data as incomplete or malformed.</source>
        <translation>Сеть отклонила данные запроса как неполные или некорректные.</translation>
    </message>
    <message>
        <source>The network does not allow this account to use the API.</source>
        <translation>Сеть не разрешает этому аккаунту работать через API.</translation>
    </message>
    <message>
        <source>The network does not offer this API function.</source>
        <translation>Сеть не поддерживает эту функцию API.</translation>
    </message>
    <message>
        <source>The network refused the request without giving a reason.</source>
        <translation>Сеть отклонила запрос, не указав причину.</translation>
    </message>
    <message>
        <source>The network refused the request with the code “%1”.</source>
        <translation>Сеть отклонила запрос с кодом «%1».</translation>
    </message>
    <message>
        <source>The network did not answer in time. The lead will be retried with the same order ID.</source>
        <translation>Сеть не ответила вовремя. Лид будет отправлен повторно с тем же номером заказа.</translation>
    </message>
    <message>
        <source>The connection to the network failed or was cut off.</source>
        <translation>Не удалось соединиться с сетью, или соединение было прервано.</translation>
    </message>
    <message>
        <source>The server name of the API could not be found. Check the address and the internet connection.</source>
        <translation>Не удалось найти сервер API по имени. Проверьте адрес и подключение к интернету.</translation>
    </message>
    <message>
        <source>The secure connection to the API could not be established: its certificate is not trusted.</source>
        <translation>Не удалось установить защищённое соединение с API: его сертификат не является доверенным.</translation>
    </message>
    <message>
        <source>The API answered with a redirect (HTTP %1), which is not followed. Check the API address.</source>
        <translation>API ответил перенаправлением (HTTP %1), по которому программа не переходит. Проверьте адрес API.</translation>
    </message>
    <message>
        <source>The API answered with HTTP status %1 instead of a result.</source>
        <translation>API вернул статус HTTP %1 вместо результата.</translation>
    </message>
    <message>
        <source>The API answered with a web page instead of a result; a proxy or the server may be failing.</source>
        <translation>API вернул веб-страницу вместо результата; возможно, сбоит прокси-сервер или сам сервер.</translation>
    </message>
    <message>
        <source>The API answered with an empty reply.</source>
        <translation>API вернул пустой ответ.</translation>
    </message>
    <message>
        <source>The API reply was cut off before it was complete.</source>
        <translation>Ответ API оборвался, не дойдя до конца.</translation>
    </message>
    <message>
        <source>The API reply could not be understood.</source>
        <translation>Не удалось разобрать ответ API.</translation>
    </message>
    <message>
        <source>The API connection is not set up correctly. Check the settings.</source>
        <translation>Подключение к API настроено неверно. Проверьте настройки.</translation>
    </message>
    <message>
        <source>The API could not be reached (%1).</source>
        <translation>Не удалось связаться с API (%1).</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Запрос отменён.</translation>
    </message>
    <message>
        <source>%1 (code: %2)</source>
        <translation>%1 (код: %2)</translation>
    </message>
    <message>
        <source>The lead was sent without an offer code the network knows.</source>
        <translation>Лид отправлен без кода оффера, известного сети.</translation>
    </message>
</context>
<context>
    <name>ImportCheck</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&quot;auto&quot; ids cannot be imported safely: leave the cell empty and the lead gets one of ours.</source>
        <translation>Номера «auto» нельзя безопасно импортировать: оставьте ячейку пустой, и лид получит наш номер.</translation>
    </message>
    <message>
        <source>Order %1 is already in the journal: it will not be imported again.</source>
        <translation>Заказ %1 уже есть в журнале: повторно он не импортируется.</translation>
    </message>
    <message>
        <source>Order id %1 is also on line %2.</source>
        <translation>Номер заказа %1 есть также в строке %2.</translation>
    </message>
    <message>
        <source>A lead with this phone and offer was sent in the last 24 hours.</source>
        <translation>Лид с этим телефоном и оффером уже отправлялся за последние 24 часа.</translation>
    </message>
    <message>
        <source>The same phone and offer are on line %1.</source>
        <translation>Тот же телефон и оффер — в строке %1.</translation>
    </message>
    <message>
        <source>Order %1 was rejected by the network (%2) and this row is unchanged: correct it to send it again.</source>
        <translation>Заказ %1 отклонён сетью (%2), а строка не изменилась: исправьте её, чтобы отправить снова.</translation>
    </message>
    <message>
        <source>Order %1 was rejected by the network (%2): this corrected row will be sent again under the same order id.</source>
        <translation>Заказ %1 отклонён сетью (%2): исправленная строка будет отправлена снова под тем же номером заказа.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import leads</source>
        <translation>Импорт лидов</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Выбрать файл</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>&amp;Кодировка:</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>Запятая ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>Точка с запятой ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Табуляция</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Разделитель:</translation>
    </message>
    <message>
        <source>First row holds column &amp;names</source>
        <translation>В первой строке — &amp;названия столбцов</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>%1 where the file has none:</source>
        <translation>%1, если в файле нет:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Просмотр</translation>
    </message>
    <message>
        <source>Show only &amp;problems</source>
        <translation>Только &amp;проблемы</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Строки файла</translation>
    </message>
    <message>
        <source>Edit a cell to correct it (F2); untick a row to leave it out. A row&apos;s reasons show when the pointer rests on it.</source>
        <translation>Исправьте ячейку, отредактировав её (F2); снимите отметку со строки, чтобы пропустить её. Причины видны при наведении указателя на строку.</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Ход импорта</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>Stop importing</source>
        <translation>Остановить импорт</translation>
    </message>
    <message>
        <source>&amp;Save problem rows…</source>
        <translation>&amp;Сохранить проблемные строки…</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>Файлы CSV (*.csv *.txt *.tsv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The file could not be opened: %1</source>
        <translation>Не удалось открыть файл: %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more lines that could not be read.</source>
        <translation>
            <numerusform>… и ещё %n строка, которую не удалось прочитать.</numerusform>
            <numerusform>… и ещё %n строки, которые не удалось прочитать.</numerusform>
            <numerusform>… и ещё %n строк, которые не удалось прочитать.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file holds no rows to import.</source>
        <translation>В файле нет строк для импорта.</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Столбец %1</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1 (e.g. %2):</source>
        <translation>%1 (например, %2):</translation>
    </message>
    <message>
        <source>(leave out)</source>
        <translation>(пропустить)</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Поле для столбца %1</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n rows…</source>
        <translation>
            <numerusform>Проверка %n строки…</numerusform>
            <numerusform>Проверка %n строк…</numerusform>
            <numerusform>Проверка %n строк…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 valid, %2 invalid, %3 possible doubles; %4 to import.</source>
        <translation>Верных: %1, с ошибками: %2, возможных дублей: %3; к импорту: %4.</translation>
    </message>
    <message>
        <source>Storing the leads in the journal…</source>
        <translation>Лиды сохраняются в журнал…</translation>
    </message>
    <message>
        <source>Import stopped: %1 of %2 rows were stored; the rest were not imported.</source>
        <translation>Импорт остановлен: сохранено строк %1 из %2; остальные не импортированы.</translation>
    </message>
    <message>
        <source>Sent: %1. Rejected by the network: %2. Waiting in the outbox: %3.</source>
        <translation>Отправлено: %1. Отклонено сетью: %2. Ждут в исходящих: %3.</translation>
    </message>
    <message>
        <source>Left out as invalid: %1. Imported before: %2. Not stored: %3.</source>
        <translation>Пропущено с ошибками: %1. Импортировано ранее: %2. Не сохранено: %3.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
    <message>
        <source>-problems</source>
        <translation>-проблемы</translation>
    </message>
    <message>
        <source>Save problem rows</source>
        <translation>Сохранить проблемные строки</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>The journal could not be read to find doubles: %1</source>
        <translation>Не удалось прочитать журнал для поиска дублей: %1</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Чтение файла…</translation>
    </message>
    <message numerus="yes">
        <source>%n of them correct orders the network rejected, and will be sent again.</source>
        <translation>
            <numerusform>Из них %n строка исправляет заказ, отклонённый сетью, и будет отправлена снова.</numerusform>
            <numerusform>Из них %n строки исправляют заказы, отклонённые сетью, и будут отправлены снова.</numerusform>
            <numerusform>Из них %n строк исправляют заказы, отклонённые сетью, и будут отправлены снова.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrected rows were stored again under the order ids the network had rejected.</source>
        <translation>
            <numerusform>%n исправленная строка снова сохранена под номером заказа, отклонённым сетью.</numerusform>
            <numerusform>%n исправленные строки снова сохранены под номерами заказов, отклонёнными сетью.</numerusform>
            <numerusform>%n исправленных строк снова сохранены под номерами заказов, отклонёнными сетью.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Order id</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Оффер</translation>
    </message>
    <message>
        <source>Webmaster / source</source>
        <translation>Вебмастер / источник</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адрес</translation>
    </message>
    <message>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <source>utm_source</source>
        <translation>utm_source</translation>
    </message>
    <message>
        <source>utm_campaign</source>
        <translation>utm_campaign</translation>
    </message>
    <message>
        <source>utm_content</source>
        <translation>utm_content</translation>
    </message>
    <message>
        <source>utm_term</source>
        <translation>utm_term</translation>
    </message>
    <message>
        <source>utm_medium</source>
        <translation>utm_medium</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Discount, %</source>
        <translation>Скидка, %</translation>
    </message>
    <message>
        <source>Extra cost</source>
        <translation>Доплата</translation>
    </message>
    <message>
        <source>ZIP code</source>
        <translation>Индекс</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Город</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Улица</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Goods ids (item)</source>
        <translation>Номера товаров (item)</translation>
    </message>
    <message>
        <source>Goods with prices (items)</source>
        <translation>Товары с ценами (items)</translation>
    </message>
    <message>
        <source>Custom field (params)</source>
        <translation>Своё поле (params)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ImportIdsDialog</name>
    <message>
        <source>Track Order Ids</source>
        <translation>Отслеживание номеров заказов</translation>
    </message>
    <message>
        <source>Leads sent by other systems (a landing page, another desk) can be followed here too: give their order ids, as your side numbered them.</source>
        <translation>Здесь можно отслеживать и лиды, отправленные другими системами (с лендинга, с другого рабочего места): укажите их номера заказов в том виде, в каком их присвоила ваша сторона.</translation>
    </message>
    <message>
        <source>&amp;Order ids (separated by commas, spaces or new lines):</source>
        <translation>&amp;Номера заказов (через запятую, пробел или с новой строки):</translation>
    </message>
    <message>
        <source>Order ids (separated by commas, spaces or new lines):</source>
        <translation>Номера заказов (через запятую, пробел или с новой строки):</translation>
    </message>
    <message>
        <source>Import from &amp;file...</source>
        <translation>Импорт из &amp;файла…</translation>
    </message>
    <message>
        <source>&amp;Track</source>
        <translation>&amp;Отслеживать</translation>
    </message>
    <message>
        <source>Import Order Ids</source>
        <translation>Импорт номеров заказов</translation>
    </message>
    <message>
        <source>Lists of ids (*.txt *.csv);;All files (*)</source>
        <translation>Списки номеров (*.txt *.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is too large to be a list of order ids.</source>
        <translation>Файл %1 слишком большой для списка номеров заказов.</translation>
    </message>
    <message>
        <source>No order ids yet.</source>
        <translation>Номера заказов пока не указаны.</translation>
    </message>
    <message numerus="yes">
        <source>%n order id(s) to track.</source>
        <translation>
            <numerusform>%n номер заказа к отслеживанию.</numerusform>
            <numerusform>%n номера заказов к отслеживанию.</numerusform>
            <numerusform>%n номеров заказов к отслеживанию.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not order ids, left out: %1%2</source>
        <translation>Пропущено, это не номера заказов: %1%2</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> и ещё %n</numerusform>
            <numerusform> и ещё %n</numerusform>
            <numerusform> и ещё %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Line %1: invalid</source>
        <translation>Строка %1: с ошибками</translation>
    </message>
    <message>
        <source>Line %1: imported before</source>
        <translation>Строка %1: импортирована ранее</translation>
    </message>
    <message>
        <source>Line %1: possible double</source>
        <translation>Строка %1: возможный дубль</translation>
    </message>
    <message>
        <source>Line %1: ready</source>
        <translation>Строка %1: готова</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Столбец %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Line %1: corrected, sent again</source>
        <translation>Строка %1: исправлена, отправляется снова</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Не удалось создать папку %1.</translation>
    </message>
    <message>
        <source>Cannot create the journal %1: %2</source>
        <translation>Не удалось создать журнал %1: %2</translation>
    </message>
    <message>
        <source>Cannot make the journal %1 private.</source>
        <translation>Не удалось закрыть доступ к журналу %1 для других пользователей.</translation>
    </message>
    <message>
        <source>Cannot open the journal %1: %2</source>
        <translation>Не удалось открыть журнал %1: %2</translation>
    </message>
    <message>
        <source>The journal cannot use write-ahead logging: %1</source>
        <translation>Для журнала недоступен режим упреждающей записи (WAL): %1</translation>
    </message>
    <message>
        <source>The journal is not open.</source>
        <translation>Журнал не открыт.</translation>
    </message>
    <message>
        <source>The journal already holds order %1.</source>
        <translation>В журнале уже есть заказ %1.</translation>
    </message>
    <message>
        <source>The journal holds no lead %1.</source>
        <translation>В журнале нет лида %1.</translation>
    </message>
    <message>
        <source>The journal was written by a newer version of CPA Desk (schema %1, this version knows %2). Please update CPA Desk.</source>
        <translation>Журнал записан более новой версией CPA Desk (схема %1, эта версия поддерживает схему %2). Обновите CPA Desk.</translation>
    </message>
    <message>
        <source>Upgrading the journal to schema %1 failed: %2</source>
        <translation>Не удалось обновить журнал до схемы %1: %2</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <source>Lead entry</source>
        <translation>Ввод лида</translation>
    </message>
    <message>
        <source>&amp;Send lead</source>
        <translation>&amp;Отправить лид</translation>
    </message>
    <message>
        <source>&amp;New lead</source>
        <translation>&amp;Новый лид</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <source>Let the network assign the id (&amp;auto)</source>
        <translation>Номер &amp;назначает сеть (auto)</translation>
    </message>
    <message>
        <source>With &quot;auto&quot;, a resend after a network failure can create a second order: the network cannot tell it is the same lead. Leave it off unless your network requires it.</source>
        <translation>С &quot;auto&quot; повторная отправка после сбоя связи может создать второй заказ: сеть не поймёт, что это тот же лид. Не включайте, если этого не требует ваша сеть.</translation>
    </message>
    <message>
        <source>Offer id, e.g. 217</source>
        <translation>ID оффера, например 217</translation>
    </message>
    <message>
        <source>&amp;Offer</source>
        <translation>&amp;Оффер</translation>
    </message>
    <message>
        <source>&amp;Webmaster / source</source>
        <translation>Веб&amp;мастер / источник</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>&amp;Имя</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <source>With the country code, e.g. +7 900 123-45-67</source>
        <translation>С кодом страны, например +7 900 123-45-67</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Эл. почта</translation>
    </message>
    <message>
        <source>Type a name or a two-letter code</source>
        <translation>Введите название или двухбуквенный код</translation>
    </message>
    <message>
        <source>Countr&amp;y</source>
        <translation>Ст&amp;рана</translation>
    </message>
    <message>
        <source>&amp;ZIP code</source>
        <translation>Ин&amp;декс</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>&amp;Адрес</translation>
    </message>
    <message>
        <source>Full address without the ZIP code, or house and flat</source>
        <translation>Полный адрес без индекса или только дом и квартира</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>&amp;Регион</translation>
    </message>
    <message>
        <source>&amp;Street</source>
        <translation>&amp;Улица</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>e.g. USD, EUR, RUB</source>
        <translation>например, USD, EUR, RUB</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>Вал&amp;юта</translation>
    </message>
    <message>
        <source>&amp;Unit price</source>
        <translation>&amp;Цена за единицу</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>например, %1</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>Коли&amp;чество</translation>
    </message>
    <message>
        <source>1 when empty</source>
        <translation>Если пусто — 1</translation>
    </message>
    <message>
        <source>Discou&amp;nt, %</source>
        <translation>С&amp;кидка, %</translation>
    </message>
    <message>
        <source>0 to 100</source>
        <translation>От 0 до 100</translation>
    </message>
    <message>
        <source>E&amp;xtra cost</source>
        <translation>До&amp;плата</translation>
    </message>
    <message>
        <source>e.g. express delivery</source>
        <translation>например, срочная доставка</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Add good</source>
        <translation>Добавить товар</translation>
    </message>
    <message>
        <source>Remove good</source>
        <translation>Удалить товар</translation>
    </message>
    <message>
        <source>&amp;Goods table</source>
        <translation>Та&amp;блица товаров</translation>
    </message>
    <message>
        <source>e.g. 135,136 (the simple alternative to the table)</source>
        <translation>например, 135,136 (простая замена таблицы)</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Extra cost</source>
        <translation>Доплата</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Добавить поле</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Удалить поле</translation>
    </message>
    <message>
        <source>Trac&amp;king</source>
        <translation>Трекин&amp;г</translation>
    </message>
    <message>
        <source>&amp;IP address</source>
        <translation>IP-&amp;адрес</translation>
    </message>
    <message>
        <source>The customer&apos;s IPv4 or IPv6 address</source>
        <translation>IPv4- или IPv6-адрес клиента</translation>
    </message>
    <message>
        <source>&amp;Browser (User-Agent)</source>
        <translation>&amp;Браузер (User-Agent)</translation>
    </message>
    <message>
        <source>UTM so&amp;urce</source>
        <translation>UTM: &amp;источник</translation>
    </message>
    <message>
        <source>UTM me&amp;dium</source>
        <translation>UTM: ка&amp;нал</translation>
    </message>
    <message>
        <source>UTM campai&amp;gn</source>
        <translation>UTM: ка&amp;мпания</translation>
    </message>
    <message>
        <source>UTM te&amp;rm</source>
        <translation>UTM: &amp;ключевое слово</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Comm&amp;ent</source>
        <translation>Ко&amp;мментарий</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Всё равно отправить</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Не отправлять</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>Новый лид</translation>
    </message>
    <message>
        <source>Start a new lead (%1)</source>
        <translation>Начать новый лид (%1)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Send the lead (%1)</source>
        <translation>Отправить лид (%1)</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
    <message>
        <source>Will be sent as %1</source>
        <translation>Будет отправлен как %1</translation>
    </message>
    <message>
        <source>Answer the question about the earlier order above.</source>
        <translation>Ответьте на вопрос о предыдущем заказе выше.</translation>
    </message>
    <message>
        <source>Ready to send: %1.</source>
        <translation>Можно отправлять: %1.</translation>
    </message>
    <message>
        <source>To send, complete: %1.</source>
        <translation>Чтобы отправить, заполните или исправьте: %1.</translation>
    </message>
    <message>
        <source>−%1 (%2 %)</source>
        <translation>−%1 (%2 %)</translation>
    </message>
    <message>
        <source>auto: the network assigns it</source>
        <translation>auto: номер назначит сеть</translation>
    </message>
    <message>
        <source>new: given when the lead is saved</source>
        <translation>новый: присваивается при сохранении лида</translation>
    </message>
    <message>
        <source>The lead could not be saved, so nothing was sent: %1</source>
        <translation>Не удалось сохранить лид, поэтому ничего не отправлено: %1</translation>
    </message>
    <message>
        <source>Order %1 was sent. The network&apos;s order number is %2.</source>
        <translation>Заказ %1 отправлен. Номер заказа в сети: %2.</translation>
    </message>
    <message>
        <source>Order %1 is saved and will be sent automatically when the network answers (%2). You can take the next call.</source>
        <translation>Заказ %1 сохранён и будет отправлен автоматически, когда сеть ответит (%2). Можно принимать следующий звонок.</translation>
    </message>
    <message>
        <source>This phone number already ordered offer %1 in the last 24 hours:</source>
        <translation>С этого номера телефона уже был заказ по офферу %1 за последние 24 часа:</translation>
    </message>
    <message>
        <source>order %1</source>
        <translation>заказ %1</translation>
    </message>
    <message>
        <source>order %1 (network order %2)</source>
        <translation>заказ %1 (в сети — %2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, status: %2</source>
        <translation>%1, статус: %2</translation>
    </message>
    <message>
        <source>no name given</source>
        <translation>имя не указано</translation>
    </message>
    <message>
        <source>• %1 at %2 for %3: %4</source>
        <translation>• %1 от %2 (%3): %4</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… и ещё %n заказ.</numerusform>
            <numerusform>… и ещё %n заказа.</numerusform>
            <numerusform>… и ещё %n заказов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send another order anyway?</source>
        <translation>Всё равно отправить ещё один заказ?</translation>
    </message>
    <message>
        <source>Possible double order</source>
        <translation>Возможный дубль заказа</translation>
    </message>
    <message>
        <source>Deliver&amp;y</source>
        <translation>&amp;Доставка</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Город</translation>
    </message>
    <message>
        <source>Goods as a l&amp;ist of ids</source>
        <translation>ID товаров &amp;через запятую</translation>
    </message>
    <message>
        <source>Cu&amp;stom fields</source>
        <translation>Дополнительные пол&amp;я</translation>
    </message>
    <message>
        <source>UTM conte&amp;nt</source>
        <translation>UTM: содер&amp;жание</translation>
    </message>
    <message>
        <source>being saved…</source>
        <translation>сохраняется…</translation>
    </message>
    <message>
        <source>Saving the lead…</source>
        <translation>Лид сохраняется…</translation>
    </message>
    <message>
        <source>Order %1 is saved and being sent. Its answer will show under Recent leads: you can take the next call.</source>
        <translation>Заказ %1 сохранён и отправляется. Ответ сети появится в списке «Последние лиды»: можно принимать следующий звонок.</translation>
    </message>
    <message>
        <source>The network refused order %1: %2 (code: %3). Open it under Recent leads to correct it and send it again.</source>
        <translation>Сеть отклонила заказ %1: %2 (код: %3). Откройте его в списке «Последние лиды», чтобы исправить и отправить снова.</translation>
    </message>
    <message>
        <source>&amp;Names and values</source>
        <translation>Названия и &amp;значения</translation>
    </message>
</context>
<context>
    <name>LeadImporter</name>
    <message>
        <source>The journal could not store the leads: %1</source>
        <translation>Журнал не смог сохранить лиды: %1</translation>
    </message>
    <message>
        <source>Imported before as order %1: not imported again.</source>
        <translation>Уже импортирована как заказ %1: повторно не импортируется.</translation>
    </message>
    <message>
        <source>Order %1 is already in the journal: it will not be imported again.</source>
        <translation>Заказ %1 уже есть в журнале: повторно он не импортируется.</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Столбец %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Не удалось сохранить файл: %1</translation>
    </message>
    <message>
        <source>The corrected lead could not be resent: %1</source>
        <translation>Исправленный лид не удалось отправить снова: %1</translation>
    </message>
</context>
<context>
    <name>LeadItemsModel</name>
    <message>
        <source>Good id</source>
        <translation>ID товара</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Цена за единицу</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
</context>
<context>
    <name>LeadStats</name>
    <message>
        <source>Approval</source>
        <translation>Апрув</translation>
    </message>
    <message>
        <source>Approval without trash</source>
        <translation>Апрув без треша</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Треш</translation>
    </message>
    <message>
        <source>Buyout</source>
        <translation>Выкуп</translation>
    </message>
    <message>
        <source>Approved leads divided by all leads the network has reported on: %1 of %2. Leads not sent or not checked yet do not count.</source>
        <translation>Доля подтверждённых лидов среди всех лидов, по которым сеть сообщила результат: %1 из %2. Неотправленные и ещё не проверенные лиды не учитываются.</translation>
    </message>
    <message>
        <source>Approved leads divided by the reported leads that are not trash: %1 of %2. Shows how well the call centre converts real customers.</source>
        <translation>Доля подтверждённых лидов среди лидов с результатом от сети, не считая треша: %1 из %2. Показывает, насколько хорошо колл-центр конвертирует реальных клиентов.</translation>
    </message>
    <message>
        <source>Leads cancelled as trash (wrong number, fake, duplicate...) divided by all leads the network has reported on: %1 of %2.</source>
        <translation>Доля лидов, отменённых как треш (неверный номер, фейк, дубль…), среди всех лидов, по которым сеть сообщила результат: %1 из %2.</translation>
    </message>
    <message>
        <source>Orders the customer took (status Completed) divided by the approved orders that reached a delivery outcome, completed or returned: %1 of %2. Orders still on their way do not count.</source>
        <translation>Доля заказов, которые клиент выкупил (статус «Выкуплен»), среди подтверждённых заказов с итогом доставки — выкупленных или возвращённых: %1 из %2. Заказы, которые ещё в пути, не учитываются.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>nothing yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Our order id: the id this desk (or the system that sent the lead) gave it</source>
        <translation>Наш номер заказа: номер, который присвоила эта программа (или система, отправившая лид)</translation>
    </message>
    <message>
        <source>The network&apos;s id for the order</source>
        <translation>Номер заказа в сети</translation>
    </message>
    <message>
        <source>Where the order stands: waiting, on hold, approved, cancelled or trash</source>
        <translation>Состояние заказа: ожидает, в холде, подтверждён, отменён или треш</translation>
    </message>
    <message>
        <source>When the network was last asked about the order</source>
        <translation>Когда статус заказа последний раз запрашивался в сети</translation>
    </message>
    <message>
        <source>When the network last reported a change</source>
        <translation>Когда сеть последний раз сообщила об изменении</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <source>Network id</source>
        <translation>Номер в сети</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Оффер</translation>
    </message>
    <message>
        <source>Webmaster</source>
        <translation>Вебмастер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Товары</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Проверен</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>(auto)</source>
        <translation>(авто)</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <source>Order %1, network order %2</source>
        <translation>Заказ %1, заказ в сети %2</translation>
    </message>
    <message>
        <source>Not reported on by the network yet: %1</source>
        <translation>Сеть ещё не сообщила результат: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Последняя ошибка: %1</translation>
    </message>
    <message>
        <source>Stage: %1 (code &quot;%2&quot;)</source>
        <translation>Этап: %1 (код «%2»)</translation>
    </message>
    <message>
        <source>Status: %1 (code %2)</source>
        <translation>Статус: %1 (код %2)</translation>
    </message>
    <message>
        <source>Reason: %1 (code %2)</source>
        <translation>Причина: %1 (код %2)</translation>
    </message>
    <message>
        <source>This outcome is final.</source>
        <translation>Это окончательный результат.</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Комментарий: %1</translation>
    </message>
    <message>
        <source>Changed since you last looked.</source>
        <translation>Изменился с момента вашего последнего просмотра.</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>История:</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>The network sent no stage: this one was derived from the status.</source>
        <translation>Сеть не прислала этап: он выведен из статуса.</translation>
    </message>
    <message>
        <source>The network&apos;s words for the stage: %1</source>
        <translation>Этап словами сети: %1</translation>
    </message>
    <message>
        <source>The network&apos;s words for the status: %1</source>
        <translation>Статус словами сети: %1</translation>
    </message>
    <message>
        <source>The network&apos;s words for the reason: %1</source>
        <translation>Причина словами сети: %1</translation>
    </message>
</context>
<context>
    <name>LeadTracking</name>
    <message>
        <source>The journal is closed.</source>
        <translation>Журнал закрыт.</translation>
    </message>
</context>
<context>
    <name>LeadValidator</name>
    <message>
        <source>An order id is required.</source>
        <translation>Укажите номер заказа.</translation>
    </message>
    <message>
        <source>An order id is digits only, or &quot;auto&quot;.</source>
        <translation>Номер заказа — только цифры или &quot;auto&quot;.</translation>
    </message>
    <message>
        <source>Choose the offer.</source>
        <translation>Выберите оффер.</translation>
    </message>
    <message>
        <source>An offer id contains no spaces.</source>
        <translation>ID оффера не может содержать пробелы.</translation>
    </message>
    <message>
        <source>A webmaster or source id contains no spaces.</source>
        <translation>ID вебмастера или источника не может содержать пробелы.</translation>
    </message>
    <message>
        <source>Not an e-mail address (expected name@example.com).</source>
        <translation>Это не адрес эл. почты (ожидается name@example.com).</translation>
    </message>
    <message>
        <source>Choose a country from the list.</source>
        <translation>Выберите страну из списка.</translation>
    </message>
    <message>
        <source>The customer&apos;s IP address is required.</source>
        <translation>Укажите IP-адрес клиента.</translation>
    </message>
    <message>
        <source>Not an IPv4 or IPv6 address.</source>
        <translation>Это не IPv4- или IPv6-адрес.</translation>
    </message>
    <message>
        <source>Write an IPv4 address as four numbers separated by dots.</source>
        <translation>Запишите IPv4-адрес как четыре числа через точку.</translation>
    </message>
    <message>
        <source>Choose a currency from the list.</source>
        <translation>Выберите валюту из списка.</translation>
    </message>
    <message>
        <source>Enter a number, such as 9900 or 9900.50.</source>
        <translation>Введите число, например 9900 или 9900.50 (дробную часть — через точку).</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Введите целое число.</translation>
    </message>
    <message>
        <source>The quantity is at least 1.</source>
        <translation>Количество должно быть не меньше 1.</translation>
    </message>
    <message>
        <source>Enter a percentage, such as 10 or 12.5.</source>
        <translation>Введите процент, например 10 или 12.5 (дробную часть — через точку).</translation>
    </message>
    <message>
        <source>A discount is between 0 and 100 %.</source>
        <translation>Скидка должна быть от 0 до 100 %.</translation>
    </message>
    <message>
        <source>An id is missing between commas.</source>
        <translation>Между запятыми пропущен ID.</translation>
    </message>
    <message>
        <source>Separate the ids with commas, e.g. 135,136.</source>
        <translation>Разделяйте ID запятыми, например 135,136.</translation>
    </message>
    <message>
        <source>Enter the good&apos;s id.</source>
        <translation>Введите ID товара.</translation>
    </message>
    <message>
        <source>A good&apos;s id contains no spaces.</source>
        <translation>ID товара не может содержать пробелы.</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>Цена не может быть отрицательной.</translation>
    </message>
    <message>
        <source>Enter a name for the custom field.</source>
        <translation>Введите название дополнительного поля.</translation>
    </message>
    <message>
        <source>A custom field&apos;s name cannot contain [ or ].</source>
        <translation>Название дополнительного поля не может содержать [ или ].</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is used twice.</source>
        <translation>Название «%1» указано дважды.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CPA Desk</source>
        <translation>CPA Desk</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Экраны</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About CPA Desk</source>
        <translation>&amp;О программе CPA Desk</translation>
    </message>
    <message>
        <source>About CPA Desk</source>
        <translation>О программе CPA Desk</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;CPA Desk&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Send leads to an affiliate network and follow what became of them.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;CPA Desk&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Отправка лидов в партнёрскую сеть и отслеживание того, что с ними стало.&lt;/p&gt;&lt;p&gt;Распространяется на условиях GNU GPL версии 3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Leads</source>
        <translation>&amp;Лиды</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox mode.&lt;/b&gt; You are working with the built-in emulator of the API on this computer: nothing is sent to a real affiliate network.</source>
        <translation>&lt;b&gt;Режим песочницы.&lt;/b&gt; Вы работаете со встроенным эмулятором API на этом компьютере: в реальную партнёрскую сеть ничего не отправляется.</translation>
    </message>
    <message>
        <source>Open the settings to add or choose a profile with your network&apos;s user id and key</source>
        <translation>Откройте настройки, чтобы добавить или выбрать профиль с ID пользователя и ключом API вашей сети</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>С&amp;ервис</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Главная панель инструментов</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Профиль: %1</translation>
    </message>
    <message>
        <source>CPA Desk — %1</source>
        <translation>CPA Desk — %1</translation>
    </message>
    <message>
        <source>Correct order %1</source>
        <translation>Исправление заказа %1</translation>
    </message>
    <message>
        <source>The corrected lead is queued for sending.</source>
        <translation>Исправленный лид поставлен в очередь на отправку.</translation>
    </message>
    <message>
        <source>Order %1 is now: %2</source>
        <translation>Заказ %1 теперь: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) changed stage.</source>
        <translation>
            <numerusform>%n лид сменил этап.</numerusform>
            <numerusform>%n лида сменили этап.</numerusform>
            <numerusform>%n лидов сменили этап.</numerusform>
        </translation>
    </message>
    <message>
        <source>Lead status changed</source>
        <translation>Статус лида изменился</translation>
    </message>
    <message>
        <source>Outbox empty</source>
        <translation>Исходящих нет</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) waiting to be sent</source>
        <translation>
            <numerusform>%n лид ожидает отправки</numerusform>
            <numerusform>%n лида ожидают отправки</numerusform>
            <numerusform>%n лидов ожидают отправки</numerusform>
        </translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>Новый лид</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <source>Use a real account…</source>
        <translation>Перейти на реальный аккаунт…</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>Исходящие (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) waiting for the account&apos;s user id and key</source>
        <translation>
            <numerusform>%n лид ждёт ID пользователя и ключ учётной записи</numerusform>
            <numerusform>%n лида ждут ID пользователя и ключ учётной записи</numerusform>
            <numerusform>%n лидов ждут ID пользователя и ключ учётной записи</numerusform>
        </translation>
    </message>
    <message>
        <source>Leads of %1, from Analytics</source>
        <translation>Лиды: %1 (из аналитики)</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <source>Order %1 is not shown on the Leads screen: clear its filters to see it.</source>
        <translation>Заказ %1 не показан на экране «Лиды»: сбросьте фильтры, чтобы увидеть его.</translation>
    </message>
    <message>
        <source>&amp;Import leads…</source>
        <translation>&amp;Импорт лидов…</translation>
    </message>
    <message>
        <source>Switch &amp;profile…</source>
        <translation>Сменить &amp;профиль…</translation>
    </message>
</context>
<context>
    <name>NameLanguage</name>
    <message>
        <source>en</source>
        <comment>ISO 639 code of the language of this translation, e.g. ru: country and currency names are shown in it</comment>
        <translation>ru</translation>
    </message>
</context>
<context>
    <name>OrderIdGenerator</name>
    <message>
        <source>The journal holds an invalid workstation number.</source>
        <translation>В журнале записан недопустимый номер рабочего места.</translation>
    </message>
    <message>
        <source>Order ids are exhausted.</source>
        <translation>Номера заказов исчерпаны.</translation>
    </message>
    <message>
        <source>Could not reserve an order id.</source>
        <translation>Не удалось зарезервировать номер заказа.</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>CPA Desk stopped while this lead was being sent. Checking with the network whether it arrived before sending it again.</source>
        <translation>Работа CPA Desk прервалась во время отправки этого лида. Проверяем в сети, дошёл ли он, прежде чем отправлять его снова.</translation>
    </message>
    <message>
        <source>CPA Desk stopped while this lead was being sent. It was sent with the id &quot;auto&quot;, so it cannot be looked up or sent again safely: check with the network, then resend or discard it.</source>
        <translation>Работа CPA Desk прервалась во время отправки этого лида. Он был отправлен с номером «auto», поэтому его нельзя ни найти в сети, ни безопасно отправить повторно: уточните в сети, затем отправьте его заново или удалите.</translation>
    </message>
    <message>
        <source>No order id could be reserved: %1</source>
        <translation>Не удалось зарезервировать номер заказа: %1</translation>
    </message>
    <message>
        <source>No journal key could be reserved: %1</source>
        <translation>Не удалось зарезервировать ключ журнала: %1</translation>
    </message>
    <message>
        <source>The lead was not stored, and not sent: %1</source>
        <translation>Лид не сохранён и не отправлен: %1</translation>
    </message>
    <message>
        <source>No answer from the network (%1). This lead was sent with the id &quot;auto&quot;, so sending it again could create a second order: it is not retried automatically. Check with the network, then resend or discard it.</source>
        <translation>Сеть не ответила (%1). Этот лид был отправлен с номером «auto», поэтому повторная отправка может создать второй заказ: автоматически она не выполняется. Уточните в сети, затем отправьте лид заново или удалите его.</translation>
    </message>
    <message>
        <source>The network reports a duplicate, but holds no order with our id %1: it already has this customer&apos;s order under another id.</source>
        <translation>Сеть сообщает о дубле, но заказа с нашим номером %1 в ней нет: заказ этого клиента уже есть в сети под другим номером.</translation>
    </message>
    <message>
        <source>Not found on the network after an interrupted attempt: sending again with the same order id.</source>
        <translation>После прерванной попытки лид в сети не найден: отправляем снова с тем же номером заказа.</translation>
    </message>
    <message>
        <source>Lead %1 is being sent right now.</source>
        <translation>Лид %1 отправляется прямо сейчас.</translation>
    </message>
    <message>
        <source>The journal holds no lead %1.</source>
        <translation>В журнале нет лида %1.</translation>
    </message>
    <message>
        <source>Lead %1 is not waiting to be sent.</source>
        <translation>Лид %1 не ожидает отправки.</translation>
    </message>
    <message>
        <source>Lead %1 may already be on the network: it cannot be changed until that is checked.</source>
        <translation>Лид %1, возможно, уже есть в сети: его нельзя изменить, пока это не проверено.</translation>
    </message>
    <message>
        <source>Lead %1 is not in the outbox.</source>
        <translation>Лида %1 нет в исходящих.</translation>
    </message>
    <message>
        <source>The network reports a duplicate: checking whether it holds this order under our id %1.</source>
        <translation>Сеть сообщает о дубле: проверяем, есть ли у неё этот заказ под нашим номером %1.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>It may already be on the network; it is checked before any resend.</source>
        <translation>Возможно, он уже есть в сети; перед любой повторной отправкой это проверяется.</translation>
    </message>
    <message>
        <source>%1 It may already be on the network; it is checked before any resend.</source>
        <translation>%1 Возможно, он уже есть в сети; перед любой повторной отправкой это проверяется.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>сейчас</translation>
    </message>
    <message>
        <source>waits for you</source>
        <translation>ждёт вашего решения</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>Заказ %1: %2</translation>
    </message>
    <message>
        <source>(auto)</source>
        <translation>(авто)</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Код: %1</translation>
    </message>
    <message>
        <source>Sent with &quot;auto&quot;: the network picks its id, so a resend cannot be checked for a duplicate.</source>
        <translation>Отправлен с «auto»: номер выбирает сеть, поэтому при повторной отправке нельзя проверить, не возникнет ли дубль.</translation>
    </message>
    <message>
        <source>Order id</source>
        <translation>Номер заказа</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Оффер</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Повторить сейчас</translation>
    </message>
    <message>
        <source>Retry &amp;all now</source>
        <translation>Пов&amp;торить все сейчас</translation>
    </message>
    <message>
        <source>&amp;Edit and resend...</source>
        <translation>&amp;Изменить и отправить заново…</translation>
    </message>
    <message>
        <source>&amp;Discard...</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>Leads not sent yet</source>
        <translation>Неотправленные лиды</translation>
    </message>
    <message>
        <source>Send the selected leads now (one the network may already have is checked first)</source>
        <translation>Отправить выбранные лиды сейчас (лид, который уже может быть в сети, сначала проверяется)</translation>
    </message>
    <message>
        <source>Try every waiting lead now instead of at its scheduled time</source>
        <translation>Попытаться отправить все ожидающие лиды сейчас, не дожидаясь запланированного времени</translation>
    </message>
    <message>
        <source>Correct the selected lead in the form and send it again with the same order id</source>
        <translation>Исправить выбранный лид в форме и отправить его снова с тем же номером заказа</translation>
    </message>
    <message>
        <source>Remove the selected leads from the outbox for good</source>
        <translation>Окончательно удалить выбранные лиды из исходящих</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) waiting to be sent</source>
        <translation>
            <numerusform>%n лид ожидает отправки</numerusform>
            <numerusform>%n лида ожидают отправки</numerusform>
            <numerusform>%n лидов ожидают отправки</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n отклонён</numerusform>
            <numerusform>%n отклонены</numerusform>
            <numerusform>%n отклонено</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrying now.</source>
        <translation>Повторяем отправку.</translation>
    </message>
    <message>
        <source>Retrying every waiting lead now.</source>
        <translation>Повторяем отправку всех ожидающих лидов.</translation>
    </message>
    <message>
        <source>Discard Leads</source>
        <translation>Удаление лидов</translation>
    </message>
    <message numerus="yes">
        <source>Discard %n lead(s)? They will not be sent, and the customer&apos;s order is lost unless it is entered again.</source>
        <translation>
            <numerusform>Удалить %n лид? Он не будет отправлен, и заказ клиента пропадёт, если не ввести его заново.</numerusform>
            <numerusform>Удалить %n лида? Они не будут отправлены, и заказы клиентов пропадут, если не ввести их заново.</numerusform>
            <numerusform>Удалить %n лидов? Они не будут отправлены, и заказы клиентов пропадут, если не ввести их заново.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) discarded.</source>
        <translation>
            <numerusform>%n лид удалён.</numerusform>
            <numerusform>%n лида удалены.</numerusform>
            <numerusform>%n лидов удалено.</numerusform>
        </translation>
    </message>
    <message>
        <source>The waiting leads could not be retried: %1</source>
        <translation>Не удалось повторить отправку ожидающих лидов: %1</translation>
    </message>
    <message>
        <source>Lead %1: the change could not be stored: %2</source>
        <translation>Лид %1: изменение не удалось сохранить: %2</translation>
    </message>
    <message>
        <source>Waiting for the account&apos;s user id and key: nothing is sent until they are set in the settings (Tools, Settings). Then these leads go out at once.</source>
        <translation>Ждём ID пользователя и ключ учётной записи: ничего не отправляется, пока они не указаны в настройках (Сервис, Настройки). Тогда эти лиды уйдут сразу.</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) not yet shared with the team</source>
        <translation>
            <numerusform>%n лид ещё не передан команде</numerusform>
            <numerusform>%n лида ещё не переданы команде</numerusform>
            <numerusform>%n лидов ещё не передано команде</numerusform>
        </translation>
    </message>
    <message>
        <source>Every lead is shared with the team.</source>
        <translation>Все лиды переданы команде.</translation>
    </message>
</context>
<context>
    <name>PhoneNormalizer</name>
    <message>
        <source>Enter the customer&apos;s phone number.</source>
        <translation>Введите номер телефона клиента.</translation>
    </message>
    <message>
        <source>A phone number cannot contain letters.</source>
        <translation>Номер телефона не может содержать букв.</translation>
    </message>
    <message>
        <source>Use digits only; spaces, dashes, dots and brackets are allowed.</source>
        <translation>Используйте только цифры; допускаются пробелы, дефисы, точки и скобки.</translation>
    </message>
    <message>
        <source>A &apos;+&apos; may only stand in front of the number.</source>
        <translation>Знак «+» может стоять только в начале номера.</translation>
    </message>
    <message>
        <source>A country code never starts with 0.</source>
        <translation>Код страны не может начинаться с 0.</translation>
    </message>
    <message>
        <source>Too short: an international number has at least %1 digits.</source>
        <translation>Слишком короткий номер: в международном номере не меньше %1 цифр.</translation>
    </message>
    <message>
        <source>Too long: a phone number has at most %1 digits.</source>
        <translation>Слишком длинный номер: в номере телефона не больше %1 цифр.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>The certificate fingerprint must be a SHA-256 fingerprint: 64 hexadecimal digits, with or without colons.</source>
        <translation>Отпечаток сертификата должен быть отпечатком SHA-256: 64 шестнадцатеричные цифры, с двоеточиями или без.</translation>
    </message>
    <message>
        <source>The profile has no name.</source>
        <translation>У профиля нет имени.</translation>
    </message>
    <message>
        <source>The base URL is empty.</source>
        <translation>Базовый URL не указан.</translation>
    </message>
    <message>
        <source>The base URL must be a web address such as https://api.cpa.moe.</source>
        <translation>Базовый URL должен быть веб-адресом, например https://api.cpa.moe.</translation>
    </message>
    <message>
        <source>The base URL must not contain a query (?…) or a fragment (#…).</source>
        <translation>Базовый URL не должен содержать запрос (?…) или фрагмент (#…).</translation>
    </message>
    <message>
        <source>The user id is empty.</source>
        <translation>ID пользователя не указан.</translation>
    </message>
    <message>
        <source>The user id must not contain a dash or spaces.</source>
        <translation>ID пользователя не должен содержать дефис или пробелы.</translation>
    </message>
    <message>
        <source>Signed requests need the form encoding.</source>
        <translation>Для подписанных запросов нужна кодировка form.</translation>
    </message>
    <message>
        <source>Sandbox (built-in emulator)</source>
        <translation>Песочница (встроенный эмулятор)</translation>
    </message>
    <message>
        <source>The profile “%1” has no user id and no key.</source>
        <translation>У профиля «%1» нет ID пользователя и ключа.</translation>
    </message>
    <message>
        <source>The profile “%1” has no user id.</source>
        <translation>У профиля «%1» нет ID пользователя.</translation>
    </message>
    <message>
        <source>The profile “%1” has no key.</source>
        <translation>У профиля «%1» нет ключа.</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Профиль:</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>CPA Desk cannot start</source>
        <translation>Не удаётся запустить CPA Desk</translation>
    </message>
    <message>
        <source>The lead journal could not be opened: %1</source>
        <translation>Не удалось открыть журнал лидов: %1</translation>
    </message>
</context>
<context>
    <name>RecentLeads</name>
    <message>
        <source>sending…</source>
        <translation>отправляется…</translation>
    </message>
    <message>
        <source>accepted, network order %1</source>
        <translation>принят, номер в сети %1</translation>
    </message>
    <message>
        <source>REFUSED: %1</source>
        <translation>ОТКЛОНЁН: %1</translation>
    </message>
    <message>
        <source>REFUSED: %1 (code: %2)</source>
        <translation>ОТКЛОНЁН: %1 (код: %2)</translation>
    </message>
    <message>
        <source>not sent yet, retried automatically: %1</source>
        <translation>ещё не отправлен, будет повторён автоматически: %1</translation>
    </message>
    <message>
        <source>%1  Order %2, %3, offer %4: %5</source>
        <translation>%1  Заказ %2, %3, оффер %4: %5</translation>
    </message>
    <message>
        <source>Enter or click: show this lead on the Leads screen</source>
        <translation>Enter или щелчок: показать этот лид на экране «Лиды»</translation>
    </message>
    <message>
        <source>Enter or click: show this lead in the outbox, where it can be corrected and sent again</source>
        <translation>Enter или щелчок: показать этот лид в исходящих, где его можно исправить и отправить снова</translation>
    </message>
</context>
<context>
    <name>RecentLeadsView</name>
    <message>
        <source>Recent leads and their answers</source>
        <translation>Последние лиды и ответы сети</translation>
    </message>
    <message>
        <source>Enter opens the lead: on the Leads screen once the network has accepted it, otherwise in the outbox, where it can be corrected.</source>
        <translation>Enter открывает лид: на экране «Лиды», если сеть его приняла, иначе в исходящих, где его можно исправить.</translation>
    </message>
</context>
<context>
    <name>ResendGateway</name>
    <message>
        <source>The profile changed while the lead was open; it was not resent.</source>
        <translation>Пока лид был открыт, профиль сменился; лид не отправлен повторно.</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>Move up</source>
        <translation>Переместить вверх</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Переместить вниз</translation>
    </message>
    <message>
        <source>Insert adds a row, Delete removes the current row, Ctrl+Up and Ctrl+Down move it. F2 edits a cell.</source>
        <translation>Insert добавляет строку, Delete удаляет текущую строку, Ctrl+Up и Ctrl+Down перемещают её. F2 — изменить ячейку.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>SandboxTls</name>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>В %1 нет сертификата PEM.</translation>
    </message>
    <message>
        <source>%1 holds no RSA or EC private key without a passphrase.</source>
        <translation>В %1 нет закрытого ключа RSA или EC без пароля.</translation>
    </message>
    <message>
        <source>--tls needs the openssl command to make a certificate; install it, or give --tls-cert and --tls-key.</source>
        <translation>Для --tls нужна команда openssl, чтобы создать сертификат; установите её или укажите --tls-cert и --tls-key.</translation>
    </message>
    <message>
        <source>openssl could not make a certificate: %1</source>
        <translation>openssl не смог создать сертификат: %1</translation>
    </message>
</context>
<context>
    <name>SendState</name>
    <message>
        <source>Waiting to send</source>
        <translation>Ожидает отправки</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Отправляется</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонён</translation>
    </message>
    <message>
        <source>Outcome unknown</source>
        <translation>Результат неизвестен</translation>
    </message>
    <message>
        <source>Tracked</source>
        <translation>Отслеживается</translation>
    </message>
</context>
<context>
    <name>SettingsApply</name>
    <message>
        <source>Profile “%1”: %2</source>
        <translation>Профиль «%1»: %2</translation>
    </message>
    <message>
        <source>Two profiles are called “%1”: give each its own name.</source>
        <translation>Два профиля называются «%1»: дайте каждому своё имя.</translation>
    </message>
    <message>
        <source>The application settings could not be saved: %1</source>
        <translation>Настройки приложения не удалось сохранить: %1</translation>
    </message>
    <message>
        <source>The profiles were saved, but a key was not: %1</source>
        <translation>Профили сохранены, а ключ API — нет: %1</translation>
    </message>
    <message numerus="yes">
        <source>The profile “%1” still holds %n lead(s) waiting to be sent: send or discard them in its outbox before removing it.</source>
        <translation>
            <numerusform>В профиле «%1» ещё %n лид ждёт отправки: отправьте или удалите его в исходящих, прежде чем удалять профиль.</numerusform>
            <numerusform>В профиле «%1» ещё %n лида ждут отправки: отправьте или удалите их в исходящих, прежде чем удалять профиль.</numerusform>
            <numerusform>В профиле «%1» ещё %n лидов ждут отправки: отправьте или удалите их в исходящих, прежде чем удалять профиль.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the team server&apos;s host.</source>
        <translation>Укажите хост командного сервера.</translation>
    </message>
    <message>
        <source>The team server&apos;s port is a number from 1 to 65535.</source>
        <translation>Порт командного сервера — число от 1 до 65535.</translation>
    </message>
    <message>
        <source>Enter the team database&apos;s name.</source>
        <translation>Укажите имя командной базы данных.</translation>
    </message>
    <message>
        <source>Enter the team server&apos;s user.</source>
        <translation>Укажите пользователя командного сервера.</translation>
    </message>
    <message>
        <source>Checking the team server&apos;s certificate needs the CA file that signed it.</source>
        <translation>Для проверки сертификата командного сервера нужен файл ЦС, которым он подписан.</translation>
    </message>
    <message>
        <source>The team server settings cannot be kept.</source>
        <translation>Настройки командного сервера негде сохранить.</translation>
    </message>
    <message>
        <source>The profiles were saved, but their team server settings were not: %1</source>
        <translation>Профили сохранены, а настройки командного сервера — нет: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>empty: only certificates the system trusts</source>
        <translation>пусто: только сертификаты, которым доверяет система</translation>
    </message>
    <message>
        <source>Pinned certificate (SHA-&amp;256):</source>
        <translation>Закреплённый сертификат (SHA-&amp;256):</translation>
    </message>
    <message>
        <source>Only for a server with a self-signed certificate: paste the SHA-256 fingerprint its administrator gives you (64 hexadecimal digits). That one certificate is then trusted for this profile, and no other.</source>
        <translation>Только для сервера с самоподписанным сертификатом: вставьте отпечаток SHA-256, который даст его администратор (64 шестнадцатеричные цифры). Тогда этот профиль доверяет этому сертификату, и никакому другому.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Страницы настроек</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Профили</translation>
    </message>
    <message>
        <source>&amp;Application</source>
        <translation>Про&amp;грамма</translation>
    </message>
    <message>
        <source>Pro&amp;files:</source>
        <translation>Список про&amp;филей:</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Переиме&amp;новать</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Removes the profile and its key when you press OK.</source>
        <translation>Профиль и его ключ API будут удалены после нажатия кнопки OK.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Базовый URL:</translation>
    </message>
    <message>
        <source>The built-in emulator runs on this computer; its address is set when it starts.</source>
        <translation>Встроенный эмулятор работает на этом компьютере; его адрес задаётся при запуске.</translation>
    </message>
    <message>
        <source>&amp;User id:</source>
        <translation>ID по&amp;льзователя:</translation>
    </message>
    <message>
        <source>S&amp;how key</source>
        <translation>Пока&amp;зать ключ</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Ключ API:</translation>
    </message>
    <message>
        <source>Form (as PHP sends it)</source>
        <translation>Форма (как отправляет PHP)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Body &amp;encoding:</source>
        <translation>К&amp;одировка тела запроса:</translation>
    </message>
    <message>
        <source>&amp;Sign requests instead of sending the key</source>
        <translation>Подпи&amp;сывать запросы вместо отправки ключа</translation>
    </message>
    <message>
        <source>The key then never travels; the network must support signed requests. Form encoding only.</source>
        <translation>Тогда ключ API вообще не передаётся; сеть должна поддерживать подписанные запросы. Только для кодировки «Форма».</translation>
    </message>
    <message>
        <source>Defaults for new leads</source>
        <translation>Значения по умолчанию для новых лидов</translation>
    </message>
    <message>
        <source>&amp;Webmaster (wm):</source>
        <translation>&amp;Вебмастер (wm):</translation>
    </message>
    <message>
        <source>&amp;IP address:</source>
        <translation>IP-ад&amp;рес:</translation>
    </message>
    <message>
        <source>User-A&amp;gent:</source>
        <translation>User-A&amp;gent:</translation>
    </message>
    <message>
        <source>two letters, e.g. kz</source>
        <translation>две буквы, например kz</translation>
    </message>
    <message>
        <source>C&amp;ountry:</source>
        <translation>С&amp;трана:</translation>
    </message>
    <message>
        <source>three letters, e.g. KZT</source>
        <translation>три буквы, например KZT</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>В&amp;алюта:</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Пров&amp;ерить соединение</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Takes effect the next time CPA Desk starts.</source>
        <translation>Вступит в силу при следующем запуске CPA Desk.</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выкл.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>&amp;Refresh statuses every:</source>
        <translation>&amp;Обновлять статусы каждые:</translation>
    </message>
    <message>
        <source>&amp;Notify when a lead changes stage</source>
        <translation>&amp;Уведомлять о смене этапа лида</translation>
    </message>
    <message>
        <source>Keep these fields for the next lead</source>
        <translation>Сохранять эти поля для следующего лида</translation>
    </message>
    <message>
        <source>O&amp;ffer</source>
        <translation>О&amp;ффер</translation>
    </message>
    <message>
        <source>&amp;Webmaster (wm)</source>
        <translation>&amp;Вебмастер (wm)</translation>
    </message>
    <message>
        <source>C&amp;ountry</source>
        <translation>С&amp;трана</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>Ва&amp;люта</translation>
    </message>
    <message>
        <source>&amp;IP address</source>
        <translation>IP-&amp;адрес</translation>
    </message>
    <message>
        <source>User-A&amp;gent</source>
        <translation>User-A&amp;gent</translation>
    </message>
    <message>
        <source>UTM &amp;source (us)</source>
        <translation>UTM &amp;source (us)</translation>
    </message>
    <message>
        <source>UTM ca&amp;mpaign (uc)</source>
        <translation>UTM ca&amp;mpaign (uc)</translation>
    </message>
    <message>
        <source>UTM con&amp;tent (un)</source>
        <translation>UTM con&amp;tent (un)</translation>
    </message>
    <message>
        <source>UTM t&amp;erm (ut)</source>
        <translation>UTM t&amp;erm (ut)</translation>
    </message>
    <message>
        <source>UTM me&amp;dium (um)</source>
        <translation>UTM me&amp;dium (um)</translation>
    </message>
    <message>
        <source>&amp;Comment (comm)</source>
        <translation>&amp;Комментарий (comm)</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>set when the emulator starts</source>
        <translation>задаётся при запуске эмулятора</translation>
    </message>
    <message>
        <source>https://api.cpa.moe</source>
        <translation>https://api.cpa.moe</translation>
    </message>
    <message>
        <source>Reading the key…</source>
        <translation>Чтение ключа…</translation>
    </message>
    <message>
        <source>Type the key again</source>
        <translation>Введите ключ ещё раз</translation>
    </message>
    <message>
        <source>The key could not be read: %1</source>
        <translation>Не удалось прочитать ключ: %1</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Новый профиль</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>Новый профиль %1</translation>
    </message>
    <message>
        <source>The built-in emulator is not running, so there is nothing to check.</source>
        <translation>Встроенный эмулятор не запущен, проверять нечего.</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Проверка соединения…</translation>
    </message>
    <message>
        <source>Connection check result</source>
        <translation>Результат проверки соединения</translation>
    </message>
    <message>
        <source>&amp;Your team</source>
        <translation>&amp;Команда</translation>
    </message>
    <message>
        <source>The team server of the profile “%1” (chosen on the Profiles page).</source>
        <translation>Командный сервер профиля «%1» (профиль выбирается на странице «Профили»).</translation>
    </message>
</context>
<context>
    <name>SqliteStatementCache</name>
    <message>
        <source>The journal&apos;s SQLite connection is closed.</source>
        <translation>Соединение журнала с SQLite закрыто.</translation>
    </message>
</context>
<context>
    <name>StatusCatalog</name>
    <message>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>В обработке</translation>
    </message>
    <message>
        <source>Callback</source>
        <translation>Перезвон</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Холд</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Packing</source>
        <translation>Комплектация</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Отправка</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>В пути</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Прибыл</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Выкуплен</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <source>Incorrect phone</source>
        <translation>Неверный телефон</translation>
    </message>
    <message>
        <source>Changed their mind</source>
        <translation>Передумал</translation>
    </message>
    <message>
        <source>Did not order</source>
        <translation>Не заказывал</translation>
    </message>
    <message>
        <source>Requires a certificate</source>
        <translation>Требует сертификат</translation>
    </message>
    <message>
        <source>Wrong country</source>
        <translation>Не та страна</translation>
    </message>
    <message>
        <source>Errors or fakes</source>
        <translation>Ошибка или фейк</translation>
    </message>
    <message>
        <source>Duplicate order</source>
        <translation>Дубль заказа</translation>
    </message>
    <message>
        <source>Ordered elsewhere</source>
        <translation>Заказал в другом месте</translation>
    </message>
    <message>
        <source>Too expensive</source>
        <translation>Дорого</translation>
    </message>
    <message>
        <source>Not satisfied with delivery</source>
        <translation>Не устроила доставка</translation>
    </message>
    <message>
        <source>Could not get through</source>
        <translation>Не дозвонились</translation>
    </message>
    <message>
        <source>Possibly fraud</source>
        <translation>Возможно, мошенничество</translation>
    </message>
    <message>
        <source>Speaks a different language</source>
        <translation>Говорит на другом языке</translation>
    </message>
    <message>
        <source>Product did not fit</source>
        <translation>Товар не подошёл</translation>
    </message>
    <message>
        <source>Offer disabled</source>
        <translation>Оффер отключён</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>В холде</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Подтверждён</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Треш</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>Статус %1</translation>
    </message>
    <message>
        <source>Reason %1</source>
        <translation>Причина %1</translation>
    </message>
    <message>
        <source>%1 (trash)</source>
        <translation>%1 (треш)</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <source>Leads the call centre has not decided on yet</source>
        <translation>Лиды, по которым колл-центр ещё не принял решение</translation>
    </message>
    <message>
        <source>Leads put on hold (a callback, a question to the customer)</source>
        <translation>Лиды в холде (перезвон, уточнение у клиента)</translation>
    </message>
    <message>
        <source>Leads confirmed by the customer: orders on their way or delivered</source>
        <translation>Лиды, подтверждённые клиентом: заказы в пути или доставленные</translation>
    </message>
    <message>
        <source>Leads cancelled for an ordinary reason (changed their mind, too expensive...)</source>
        <translation>Лиды, отменённые по обычной причине (передумал, дорого…)</translation>
    </message>
    <message>
        <source>Leads cancelled as worthless: wrong number, fake, duplicate...</source>
        <translation>Лиды, отменённые как бесполезные: неверный номер, фейк, дубль…</translation>
    </message>
    <message>
        <source>Hide the message</source>
        <translation>Скрыть сообщение</translation>
    </message>
    <message>
        <source>Refresh progress</source>
        <translation>Ход обновления</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Отме&amp;на</translation>
    </message>
    <message>
        <source>Order id, name or phone</source>
        <translation>Номер заказа, имя или телефон</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Поиск:</translation>
    </message>
    <message>
        <source>Not reported yet</source>
        <translation>Ещё нет ответа</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Все этапы</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>&amp;Offer:</source>
        <translation>&amp;Оффер:</translation>
    </message>
    <message>
        <source>&amp;Webmaster:</source>
        <translation>Веб&amp;мастер:</translation>
    </message>
    <message>
        <source>Co&amp;untry:</source>
        <translation>Ст&amp;рана:</translation>
    </message>
    <message>
        <source>Filter by creation &amp;date</source>
        <translation>Фильтр по дате со&amp;здания</translation>
    </message>
    <message>
        <source>Filter by creation date</source>
        <translation>Фильтр по дате создания</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>О&amp;т:</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Ask the network about every lead whose outcome is not final yet</source>
        <translation>Запросить в сети все лиды, по которым результат ещё не окончательный</translation>
    </message>
    <message>
        <source>Refresh s&amp;elected</source>
        <translation>Обновить &amp;выбранные</translation>
    </message>
    <message>
        <source>Ask the network about the selected leads only</source>
        <translation>Запросить в сети только выбранные лиды</translation>
    </message>
    <message>
        <source>Track order &amp;ids...</source>
        <translation>Отслеживать &amp;номера заказов…</translation>
    </message>
    <message>
        <source>Follow leads sent by other systems by their order ids</source>
        <translation>Отслеживать лиды, отправленные другими системами, по номерам заказов</translation>
    </message>
    <message>
        <source>E&amp;xport CSV...</source>
        <translation>&amp;Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Save the leads shown, with the columns shown, as a CSV file</source>
        <translation>Сохранить показанные лиды с показанными столбцами в файл CSV</translation>
    </message>
    <message>
        <source>Mark all as see&amp;n</source>
        <translation>Отметить все как &amp;просмотренные</translation>
    </message>
    <message>
        <source>Stop highlighting the leads that changed</source>
        <translation>Больше не подсвечивать изменившиеся лиды</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Лиды</translation>
    </message>
    <message>
        <source>Leads at a stage this version of CPA Desk does not know; the table shows the network&apos;s word for it</source>
        <translation>Лиды на этапе, неизвестном этой версии CPA Desk; в таблице показано название этапа, которое передала сеть</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) shown</source>
        <translation>
            <numerusform>Показан %n лид</numerusform>
            <numerusform>Показано %n лида</numerusform>
            <numerusform>Показано %n лидов</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of them reported on by the network; %2 not yet (still in the outbox, or not checked yet)</source>
        <translation>По %1 из них сеть сообщила результат; по %2 — ещё нет (они ещё в исходящих или не проверены)</translation>
    </message>
    <message>
        <source>Other: %1</source>
        <translation>Другие: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing to refresh: every lead&apos;s outcome is final, or none has been sent.</source>
        <translation>Нечего обновлять: по всем лидам результат окончательный или ни один лид не отправлен.</translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %n lead(s)...</source>
        <translation>
            <numerusform>Обновление %n лида…</numerusform>
            <numerusform>Обновление %n лидов…</numerusform>
            <numerusform>Обновление %n лидов…</numerusform>
        </translation>
    </message>
    <message>
        <source>The network could not be reached for a refresh: %1 The table shows what was known before; the next refresh will try again.</source>
        <translation>Не удалось связаться с сетью для обновления: %1 В таблице показаны прежние данные; при следующем обновлении попытка повторится.</translation>
    </message>
    <message>
        <source>Refreshed at %1</source>
        <translation>Обновлено в %1</translation>
    </message>
    <message>
        <source>Refresh cancelled</source>
        <translation>Обновление отменено</translation>
    </message>
    <message>
        <source>leads-%1.csv</source>
        <translation>leads-%1.csv</translation>
    </message>
    <message>
        <source>Export Leads</source>
        <translation>Экспорт лидов</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n lead(s) to %1</source>
        <translation>
            <numerusform>Экспортирован %n лид в %1</numerusform>
            <numerusform>Экспортировано %n лида в %1</numerusform>
            <numerusform>Экспортировано %n лидов в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The order ids could not be stored: %1</source>
        <translation>Не удалось сохранить номера заказов: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n order id(s) added to the table; %1 were there already.</source>
        <translation>
            <numerusform>В таблицу добавлен %n номер заказа; уже были в ней: %1.</numerusform>
            <numerusform>В таблицу добавлено %n номера заказов; уже были в ней: %1.</numerusform>
            <numerusform>В таблицу добавлено %n номеров заказов; уже были в ней: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order id(s) added to the table.</source>
        <translation>
            <numerusform>В таблицу добавлен %n номер заказа.</numerusform>
            <numerusform>В таблицу добавлено %n номера заказов.</numerusform>
            <numerusform>В таблицу добавлено %n номеров заказов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading leads...</source>
        <translation>Загрузка лидов...</translation>
    </message>
    <message>
        <source>Could not mark the leads as seen: %1</source>
        <translation>Не удалось отметить лиды как просмотренные: %1</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Столбцы</translation>
    </message>
    <message>
        <source>Choose the columns the table shows</source>
        <translation>Выбрать столбцы, которые показывает таблица</translation>
    </message>
    <message>
        <source>My leads</source>
        <translation>Мои лиды</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Team shows every operator&apos;s leads as the team server holds them</source>
        <translation>«Команда» показывает лиды всех операторов так, как их хранит командный сервер</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>Опер&amp;атор:</translation>
    </message>
    <message>
        <source>Team leads</source>
        <translation>Лиды команды</translation>
    </message>
    <message>
        <source>The team server could not be read: %1</source>
        <translation>Не удалось прочитать данные командного сервера: %1</translation>
    </message>
    <message>
        <source>The team&apos;s leads could not be exported: %1</source>
        <translation>Не удалось экспортировать лиды команды: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Exporting the team&apos;s leads...</source>
        <translation>Экспорт лидов команды...</translation>
    </message>
    <message>
        <source>H&amp;ide</source>
        <translation>С&amp;крыть</translation>
    </message>
    <message>
        <source>Vi&amp;ew:</source>
        <translation>В&amp;ид:</translation>
    </message>
    <message>
        <source>St&amp;ages:</source>
        <translation>&amp;Этапы:</translation>
    </message>
    <message>
        <source>U&amp;ntil:</source>
        <translation>&amp;До:</translation>
    </message>
</context>
<context>
    <name>TeamChangeFeed</name>
    <message>
        <source>The journal %1 does not exist</source>
        <translation>Журнал %1 не существует</translation>
    </message>
    <message>
        <source>The journal is older than team sharing (schema 5)</source>
        <translation>Журнал старше командного режима (нужна схема 5)</translation>
    </message>
</context>
<context>
    <name>TeamConnection</name>
    <message>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed: install the package libqt6sql6-psql.</source>
        <translation>Драйвер PostgreSQL для Qt (QPSQL) не установлен: установите пакет libqt6sql6-psql.</translation>
    </message>
</context>
<context>
    <name>TeamConnectionTester</name>
    <message>
        <source>Fill in the team server&apos;s host, database and user.</source>
        <translation>Укажите хост, базу данных и пользователя командного сервера.</translation>
    </message>
    <message>
        <source>Qt&apos;s PostgreSQL driver is not installed on this computer (package libqt6sql6-psql).</source>
        <translation>На этом компьютере не установлен драйвер PostgreSQL для Qt (пакет libqt6sql6-psql).</translation>
    </message>
    <message>
        <source>The team server refused the user name or password for &quot;%1&quot;.</source>
        <translation>Командный сервер не принял имя пользователя или пароль для «%1».</translation>
    </message>
    <message>
        <source>The team server has no database &quot;%1&quot;.</source>
        <translation>На командном сервере нет базы данных «%1».</translation>
    </message>
    <message>
        <source>The team server does not accept this user from this computer: its pg_hba.conf needs an entry for it (see docs/TEAM.md).</source>
        <translation>Командный сервер не принимает этого пользователя с этого компьютера: в его pg_hba.conf нужна запись для него (см. docs/TEAM.md).</translation>
    </message>
    <message>
        <source>The encrypted connection to %1 failed (TLS mode &quot;%2&quot;): check the server&apos;s TLS set-up and the CA file.</source>
        <translation>Не удалось установить шифрованное соединение с %1 (режим TLS «%2»): проверьте настройку TLS на сервере и файл сертификата ЦС.</translation>
    </message>
    <message>
        <source>The team server %1 cannot be reached: check the host, the port and the network.</source>
        <translation>Командный сервер %1 недоступен: проверьте хост, порт и сеть.</translation>
    </message>
    <message>
        <source>The team server did not let this workstation in: %1</source>
        <translation>Командный сервер не пустил это рабочее место: %1</translation>
    </message>
    <message>
        <source>The team database has no CPA Desk roles (cpadesk_operator, cpadesk_manager): ask your IT to create them (see docs/TEAM.md).</source>
        <translation>В командной базе нет ролей CPA Desk (cpadesk_operator, cpadesk_manager): попросите ИТ-службу создать их (см. docs/TEAM.md).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may not use the team&apos;s leads: ask your IT to grant it the role cpadesk_operator (operators) or cpadesk_manager (managers).</source>
        <translation>«%1» не имеет доступа к лидам команды: попросите ИТ-службу выдать роль cpadesk_operator (операторам) или cpadesk_manager (менеджерам).</translation>
    </message>
    <message>
        <source>The team database could not be read: %1</source>
        <translation>Не удалось прочитать командную базу: %1</translation>
    </message>
    <message>
        <source>The team database was set up by a newer version of CPA Desk (schema %1, this version knows %2): update CPA Desk on this workstation.</source>
        <translation>Командная база создана более новой версией CPA Desk (схема %1, эта версия знает %2): обновите CPA Desk на этом рабочем месте.</translation>
    </message>
    <message>
        <source>The team database has no CPA Desk tables yet, and &quot;%1&quot; may not create them: ask your IT to run CPA Desk once with the database owner&apos;s account.</source>
        <translation>В командной базе ещё нет таблиц CPA Desk, а «%1» не может их создать: попросите ИТ-службу один раз запустить CPA Desk с учётной записью владельца базы.</translation>
    </message>
    <message>
        <source>Connected. The team database is empty: this account will set it up when sharing starts.</source>
        <translation>Соединение установлено. Командная база пуста: эта учётная запись подготовит её, когда начнётся обмен.</translation>
    </message>
    <message>
        <source>Connected as a manager: the team&apos;s leads can be read.</source>
        <translation>Соединение установлено (менеджер): лиды команды доступны для чтения.</translation>
    </message>
    <message>
        <source>Connected: this workstation&apos;s leads can be shared.</source>
        <translation>Соединение установлено: лиды этого рабочего места можно передавать команде.</translation>
    </message>
    <message>
        <source>The team database is at schema version %1; this version of CPA Desk needs %2 and upgrades it when it connects with the account that owns the tables (&quot;%3&quot;), which &quot;%4&quot; is not. Ask your IT to run CPA Desk once with that account; until then this workstation&apos;s leads wait on it.</source>
        <translation>Командная база на схеме версии %1; этой версии CPA Desk нужна %2, и она обновит базу, когда подключится с учётной записью владельца таблиц («%3»), а «%4» — не она. Попросите ИТ-службу один раз запустить CPA Desk с этой учётной записью; до тех пор лиды этого рабочего места ждут на нём.</translation>
    </message>
    <message>
        <source>Connected. The team database is at schema version %1: this account will upgrade it to %2 when sharing starts.</source>
        <translation>Соединение установлено. Командная база на схеме версии %1: эта учётная запись обновит её до %2, когда начнётся передача.</translation>
    </message>
    <message>
        <source>Connected. This account is not an operator&apos;s: it reads the team&apos;s leads and shares none of this workstation&apos;s.</source>
        <translation>Соединение установлено. Это не учётная запись оператора: она читает лиды команды и не передаёт лиды этого рабочего места.</translation>
    </message>
</context>
<context>
    <name>TeamLeadsModel</name>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
</context>
<context>
    <name>TeamNodeClaim</name>
    <message>
        <source>No free workstation number for order ids in the team database.</source>
        <translation>В командной базе нет свободного номера рабочего места для номеров заказов.</translation>
    </message>
</context>
<context>
    <name>TeamPusher</name>
    <message>
        <source>This workstation (%1) is registered at the team server under another login, so &quot;%2&quot; may not share its leads. Ask your IT to move the workstation to &quot;%2&quot; (docs/TEAM.md, &quot;A workstation registered under another login&quot;), or use the login it was registered with.</source>
        <translation>Это рабочее место (%1) зарегистрировано на командном сервере под другой учётной записью, поэтому «%2» не может передавать его лиды. Попросите ИТ-службу перевести рабочее место на «%2» (docs/TEAM.md, раздел «A workstation registered under another login») или используйте учётную запись, под которой оно зарегистрировано.</translation>
    </message>
</context>
<context>
    <name>TeamSchema</name>
    <message>
        <source>The team database could not be read: %1</source>
        <translation>Не удалось прочитать командную базу: %1</translation>
    </message>
    <message>
        <source>The team database was set up by a newer version of CPA Desk (schema %1, this version knows %2). Update CPA Desk on this workstation; the database was left as it is.</source>
        <translation>Командная база создана более новой версией CPA Desk (схема %1, эта версия знает %2). Обновите CPA Desk на этом рабочем месте; база оставлена без изменений.</translation>
    </message>
    <message>
        <source>The team database has no CPA Desk tables (schema %1 is needed), and this account may not create them. Ask your IT to run CPA Desk once with the database owner&apos;s account (see docs/TEAM.md).</source>
        <translation>В командной базе нет таблиц CPA Desk (нужна схема %1), а эта учётная запись не может их создать. Попросите ИТ-службу один раз запустить CPA Desk с учётной записью владельца базы (см. docs/TEAM.md).</translation>
    </message>
    <message>
        <source>Upgrading the team database to schema %1 failed: %2</source>
        <translation>Не удалось обновить командную базу до схемы %1: %2</translation>
    </message>
    <message>
        <source>The team database is at schema version %1; this version of CPA Desk needs %2 and upgrades it when it connects with the account that owns the tables (&quot;%3&quot;), which this account is not. Ask your IT to run CPA Desk once with that account (see docs/TEAM.md); until then leads wait on this workstation.</source>
        <translation>Командная база на схеме версии %1; этой версии CPA Desk нужна %2, и она обновит базу, когда подключится с учётной записью владельца таблиц («%3»), а эта учётная запись — не она. Попросите ИТ-службу один раз запустить CPA Desk с той учётной записью (см. docs/TEAM.md); до тех пор лиды ждут на этом рабочем месте.</translation>
    </message>
</context>
<context>
    <name>TeamServerForm</name>
    <message>
        <source>Team server</source>
        <translation>Командный сервер</translation>
    </message>
    <message>
        <source>Sha&amp;re this profile&apos;s leads with a team server</source>
        <translation>Пере&amp;давать лиды этого профиля на командный сервер</translation>
    </message>
    <message>
        <source>The team&apos;s PostgreSQL database: your IT department gives you these details.</source>
        <translation>База PostgreSQL команды: эти данные выдаёт ваша ИТ-служба.</translation>
    </message>
    <message>
        <source>e.g. db.callcentre.lan</source>
        <translation>например, db.callcentre.lan</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Хост:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;База данных:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>По&amp;льзователь:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>П&amp;ароль:</translation>
    </message>
    <message>
        <source>Check the certificate (verify-full)</source>
        <translation>Проверять сертификат (verify-full)</translation>
    </message>
    <message>
        <source>Encrypt without checking (require)</source>
        <translation>Шифровать без проверки (require)</translation>
    </message>
    <message>
        <source>No encryption (disable)</source>
        <translation>Без шифрования (disable)</translation>
    </message>
    <message>
        <source>&amp;Encryption (TLS):</source>
        <translation>&amp;Шифрование (TLS):</translation>
    </message>
    <message>
        <source>The CA certificate (PEM) that signed the server&apos;s certificate</source>
        <translation>Сертификат ЦС (PEM), которым подписан сертификат сервера</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>Выбрать файл ЦС</translation>
    </message>
    <message>
        <source>CA fi&amp;le:</source>
        <translation>&amp;Файл ЦС:</translation>
    </message>
    <message>
        <source>Operator&apos;s &amp;name:</source>
        <translation>&amp;Имя оператора:</translation>
    </message>
    <message>
        <source>Made once for this computer; the team server tells workstations apart by it.</source>
        <translation>Создаётся один раз для этого компьютера; по нему командный сервер различает рабочие места.</translation>
    </message>
    <message>
        <source>Wor&amp;kstation id:</source>
        <translation>ID рабочего &amp;места:</translation>
    </message>
    <message>
        <source>&amp;Test team server</source>
        <translation>Прове&amp;рить командный сервер</translation>
    </message>
    <message>
        <source>Team server check result</source>
        <translation>Результат проверки командного сервера</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Сертификаты (*.crt *.pem);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Reading the password…</source>
        <translation>Чтение пароля…</translation>
    </message>
    <message>
        <source>Checking the team server…</source>
        <translation>Проверка командного сервера…</translation>
    </message>
</context>
<context>
    <name>TeamSharingStatus</name>
    <message>
        <source>Connecting to the team server…</source>
        <translation>Подключение к командному серверу…</translation>
    </message>
    <message numerus="yes">
        <source>Sharing with the team: %n lead(s) to go</source>
        <translation>
            <numerusform>Передача команде: остался %n лид</numerusform>
            <numerusform>Передача команде: осталось %n лида</numerusform>
            <numerusform>Передача команде: осталось %n лидов</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared with the team</source>
        <translation>Передано команде</translation>
    </message>
    <message numerus="yes">
        <source>Team server unreachable since %1 — %n lead(s) waiting to be shared</source>
        <translation>
            <numerusform>Командный сервер недоступен с %1 — %n лид ждёт передачи</numerusform>
            <numerusform>Командный сервер недоступен с %1 — %n лида ждут передачи</numerusform>
            <numerusform>Командный сервер недоступен с %1 — %n лидов ждут передачи</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Team server refuses this workstation since %1 (%2) — %n lead(s) waiting to be shared</source>
        <translation>
            <numerusform>Командный сервер не принимает данные этого рабочего места с %1 (%2) — %n лид ждёт передачи</numerusform>
            <numerusform>Командный сервер не принимает данные этого рабочего места с %1 (%2) — %n лида ждут передачи</numerusform>
            <numerusform>Командный сервер не принимает данные этого рабочего места с %1 (%2) — %n лидов ждут передачи</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading the team&apos;s leads (manager login) — %n lead(s) of this workstation not shared: a manager&apos;s login shares nothing</source>
        <translation>
            <numerusform>Читаем лиды команды (учётная запись менеджера) — %n лид этого рабочего места не передан: учётная запись менеджера ничего не передаёт</numerusform>
            <numerusform>Читаем лиды команды (учётная запись менеджера) — %n лида этого рабочего места не переданы: учётная запись менеджера ничего не передаёт</numerusform>
            <numerusform>Читаем лиды команды (учётная запись менеджера) — %n лидов этого рабочего места не переданы: учётная запись менеджера ничего не передаёт</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the team&apos;s leads (manager login)</source>
        <translation>Читаем лиды команды (учётная запись менеджера)</translation>
    </message>
</context>
</TS>
