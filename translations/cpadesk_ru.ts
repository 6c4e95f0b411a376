<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AppCommandLine</name>
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
</context>
</TS>
