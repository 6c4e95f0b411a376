#include "TestEnvironment.h"

#include <QDir>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTest>

// The SVG icons built into cpadesk_ui: each one is there, parses with Qt's SVG Tiny renderer (which
// ignores what it does not support, so a drawing can silently come out empty), and draws something
// at the sizes the interface uses — 16 px menus at 100 % up to 48 px at 200 %.
class TestIcons : public QObject
{
    Q_OBJECT

private slots:
    void everyIconRenders_data();
    void everyIconRenders();
    void noUnlistedIcons();
    void appIconThroughQIcon();

private:
    static QStringList expectedIcons();
    static int paintedPixels(const QImage &image);

    TestEnvironment m_environment;
};

QStringList TestIcons::expectedIcons()
{
    return {QStringLiteral(":/icons/app/cpadesk.svg"),    QStringLiteral(":/icons/stages/wait.svg"),
            QStringLiteral(":/icons/stages/hold.svg"),    QStringLiteral(":/icons/stages/approve.svg"),
            QStringLiteral(":/icons/stages/cancel.svg"),  QStringLiteral(":/icons/stages/trash.svg"),
            QStringLiteral(":/icons/actions/send.svg"),   QStringLiteral(":/icons/actions/refresh.svg"),
            QStringLiteral(":/icons/actions/export.svg"), QStringLiteral(":/icons/actions/settings.svg"),
            QStringLiteral(":/icons/actions/new.svg")};
}

int TestIcons::paintedPixels(const QImage &image)
{
    int painted = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            painted += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    return painted;
}

void TestIcons::everyIconRenders_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("size");
    for (const QString &path : expectedIcons())
        for (int size : {16, 24, 48})
            QTest::addRow("%s@%d", qPrintable(path), size) << path << size;
}

void TestIcons::everyIconRenders()
{
    QFETCH(QString, path);
    QFETCH(int, size);
    QSvgRenderer renderer(path);
    QVERIFY2(renderer.isValid(), qPrintable(path));
    QVERIFY(!renderer.viewBoxF().isEmpty());
    QCOMPARE(renderer.viewBoxF().width(), renderer.viewBoxF().height());

    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    painter.end();
    // Line icons cover a part of their square; an empty or all-filled square means a broken drawing.
    const int painted = paintedPixels(image);
    QVERIFY2(painted > size * size / 20, qPrintable(QStringLiteral("%1 painted pixels").arg(painted)));
    QVERIFY2(painted < size * size, "the icon must not fill its whole square");
}

void TestIcons::noUnlistedIcons()
{
    // A new icon must be added to this test too (and to resources/CMakeLists.txt).
    QStringList found;
    for (const QString &folder :
         {QStringLiteral("app"), QStringLiteral("stages"), QStringLiteral("actions")}) {
        const QDir dir(QStringLiteral(":/icons/") + folder);
        const QStringList files = dir.entryList({QStringLiteral("*.svg")}, QDir::Files);
        for (const QString &file : files)
            found << dir.filePath(file);
    }
    found.sort();
    QStringList expected = expectedIcons();
    expected.sort();
    QCOMPARE(found, expected);
}

void TestIcons::appIconThroughQIcon()
{
    // QIcon draws SVG through the svg icon engine plugin, which the package declares (libqt6svg6).
    const QIcon icon(QStringLiteral(":/icons/app/cpadesk.svg"));
    QVERIFY(!icon.isNull());
    for (int size : {16, 32, 64, 256}) {
        const QPixmap pixmap = icon.pixmap(size, size);
        QCOMPARE(pixmap.size(), QSize(size, size));
        QVERIFY(paintedPixels(pixmap.toImage()) > size * size / 2);
    }
}

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
