<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>ApiKeysPage</name>
        <message numerus="yes">
            <source>The keys work: %n capture(s) can start now.</source>
            <translation>
                <numerusform>The keys work: %n capture can start now.</numerusform>
                <numerusform>The keys work: %n captures can start now.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ArchiveBrowser</name>
        <message numerus="yes">
            <source>%n earlier claim(s) found.</source>
            <translation>
                <numerusform>%n earlier claim found.</numerusform>
                <numerusform>%n earlier claims found.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ArticlePresenter</name>
        <message numerus="yes">
            <source>Sources (%n)</source>
            <translation>
                <numerusform>Sources (%n)</numerusform>
                <numerusform>Sources (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ArticlesView</name>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n claim(s) checked</source>
            <translation>
                <numerusform>%n claim checked</numerusform>
                <numerusform>%n claims checked</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ClaimSearchPanel</name>
        <message numerus="yes">
            <source>%n claim(s) found.</source>
            <translation>
                <numerusform>%n claim found.</numerusform>
                <numerusform>%n claims found.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ClaimsPane</name>
        <message numerus="yes">
            <source>Claims (%n)</source>
            <translation>
                <numerusform>Claims (%n)</numerusform>
                <numerusform>Claims (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EditCommands</name>
        <message numerus="yes">
            <source>Delete %n claim(s)</source>
            <translation>
                <numerusform>Delete %n claim</numerusform>
                <numerusform>Delete %n claims</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FactCheckPanel</name>
        <message numerus="yes">
            <source>%n published fact-check(s) found.</source>
            <translation>
                <numerusform>%n published fact-check found.</numerusform>
                <numerusform>%n published fact-checks found.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MatchesPane</name>
        <message numerus="yes">
            <source>%n earlier check(s) found</source>
            <translation>
                <numerusform>%n earlier check found</numerusform>
                <numerusform>%n earlier checks found</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> — %n likely the same claim</source>
            <translation>
                <numerusform> — %n likely the same claim</numerusform>
                <numerusform> — %n likely the same claim</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SourcesPane</name>
        <message numerus="yes">
            <source>%n source(s)</source>
            <translation>
                <numerusform>%n source</numerusform>
                <numerusform>%n sources</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message numerus="yes">
            <source>%n to send</source>
            <translation>
                <numerusform>%n to send</numerusform>
                <numerusform>%n to send</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n conflict</numerusform>
                <numerusform>%n conflicts</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TeamSync</name>
        <message numerus="yes">
            <source>Team (%n conflict(s))</source>
            <translation>
                <numerusform>Team (%n conflict)</numerusform>
                <numerusform>Team (%n conflicts)</numerusform>
            </translation>
        </message>
    </context>
</TS>
