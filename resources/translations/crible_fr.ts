<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>ApiKeysPage</name>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Retirer</translation>
        </message>
        <message>
            <source>Keep keys for this session only</source>
            <translation>Garder les clés pour cette session seulement</translation>
        </message>
        <message>
            <source>Keys stay in memory and are forgotten when Crible quits.</source>
            <translation>Les clés restent en mémoire et sont oubliées quand Crible se ferme.</translation>
        </message>
        <message>
            <source>Google Fact Check Tools</source>
            <translation>Google Fact Check Tools</translation>
        </message>
        <message>
            <source>API &amp;key:</source>
            <translation>&amp;Clé d'API :</translation>
        </message>
        <message>
            <source>Searches fact-checks published worldwide. Create a free key in the Google Cloud console and enable the “Fact Check Tools API”.</source>
            <translation>Cherche les vérifications publiées dans le monde entier. Créez une clé gratuite dans la console Google Cloud et activez « Fact Check Tools API ».</translation>
        </message>
        <message>
            <source>Wayback Machine (Internet Archive S3 keys)</source>
            <translation>Wayback Machine (clés S3 d'Internet Archive)</translation>
        </message>
        <message>
            <source>A&amp;ccess key:</source>
            <translation>Clé d'a&amp;ccès :</translation>
        </message>
        <message>
            <source>S&amp;ecret key:</source>
            <translation>Clé s&amp;ecrète :</translation>
        </message>
        <message>
            <source>Archives your sources on web.archive.org. Your keys are on archive.org/account/s3.php once you are logged in.</source>
            <translation>Archive vos sources sur web.archive.org. Vos clés se trouvent sur archive.org/account/s3.php une fois connecté.</translation>
        </message>
        <message>
            <source>&amp;Test</source>
            <translation>&amp;Tester</translation>
        </message>
        <message>
            <source>Te&amp;st</source>
            <translation>Te&amp;ster</translation>
        </message>
        <message>
            <source>Keys are kept in memory for this session only.</source>
            <translation>Les clés sont gardées en mémoire pour cette session seulement.</translation>
        </message>
        <message>
            <source>Keys are stored in the system keyring (%1).</source>
            <translation>Les clés sont rangées dans le trousseau du système (%1).</translation>
        </message>
        <message>
            <source>No usable system keyring was found on this computer, so keys cannot be stored permanently. Crible still works without them.</source>
            <translation>Aucun trousseau système utilisable n'a été trouvé sur cet ordinateur : les clés ne peuvent pas être enregistrées durablement. Crible fonctionne quand même sans elles.</translation>
        </message>
        <message>
            <source>Cannot be stored</source>
            <translation>Impossible à enregistrer</translation>
        </message>
        <message>
            <source>Unreadable</source>
            <translation>Illisible</translation>
        </message>
        <message>
            <source>for this session</source>
            <translation>pour cette session</translation>
        </message>
        <message>
            <source>in keyring</source>
            <translation>dans le trousseau</translation>
        </message>
        <message>
            <source>Stored %1</source>
            <translation>Enregistrée %1</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>Absente</translation>
        </message>
        <message>
            <source>Paste a new key to replace the stored one</source>
            <translation>Collez une nouvelle clé pour remplacer celle enregistrée</translation>
        </message>
        <message>
            <source>Paste the key</source>
            <translation>Collez la clé</translation>
        </message>
        <message>
            <source>Key stored.</source>
            <translation>Clé enregistrée.</translation>
        </message>
        <message>
            <source>Key removed.</source>
            <translation>Clé retirée.</translation>
        </message>
        <message>
            <source>Enter and save the key before testing it.</source>
            <translation>Saisissez et enregistrez la clé avant de la tester.</translation>
        </message>
        <message>
            <source>Testing…</source>
            <translation>Test en cours…</translation>
        </message>
        <message>
            <source>The key works.</source>
            <translation>La clé fonctionne.</translation>
        </message>
        <message numerus="yes">
            <source>The keys work: %n capture(s) can start now.</source>
            <translation>
                <numerusform>Les clés fonctionnent : %n capture peut démarrer maintenant.</numerusform>
                <numerusform>Les clés fonctionnent : %n captures peuvent démarrer maintenant.</numerusform>
            </translation>
        </message>
        <message>
            <source>The test failed unexpectedly (%1); see the log.</source>
            <translation>Le test a échoué de façon inattendue (%1) ; voir le journal.</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Backing up the archive…</source>
            <translation>Sauvegarde de l'archive…</translation>
        </message>
        <message>
            <source>Crible: unexpected error</source>
            <translation>Crible : erreur inattendue</translation>
        </message>
        <message>
            <source>Something went wrong: %1
Your work so far is saved. Details are in the log.</source>
            <translation>Un problème est survenu : %1
Votre travail jusqu'ici est enregistré. Les détails sont dans le journal.</translation>
        </message>
    </context>
    <context>
        <name>ArchiveBrowser</name>
        <message>
            <source>Archive</source>
            <translation>Archive</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Rechercher</translation>
        </message>
        <message>
            <source>A&amp;rticles</source>
            <translation>A&amp;rticles</translation>
        </message>
        <message>
            <source>A claim, or a few of its words</source>
            <translation>Une affirmation, ou quelques-uns de ses mots</translation>
        </message>
        <message>
            <source>Show weaker matches too</source>
            <translation>Montrer aussi les correspondances plus faibles</translation>
        </message>
        <message>
            <source>&amp;Open article</source>
            <translation>&amp;Ouvrir l'article</translation>
        </message>
        <message>
            <source>Filter by title or outlet</source>
            <translation>Filtrer par titre ou par média</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Ouvrir</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Recherche…</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
        <message numerus="yes">
            <source>%n earlier claim(s) found.</source>
            <translation>
                <numerusform>%n affirmation antérieure trouvée.</numerusform>
                <numerusform>%n affirmations antérieures trouvées.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing similar in the archive.</source>
            <translation>Rien de semblable dans l'archive.</translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message>
            <source>Shared words</source>
            <translation>Mots communs</translation>
        </message>
        <message>
            <source>Same numbers</source>
            <translation>Mêmes nombres</translation>
        </message>
        <message>
            <source>Different numbers</source>
            <translation>Nombres différents</translation>
        </message>
        <message>
            <source>Places in common</source>
            <translation>Lieux communs</translation>
        </message>
        <message>
            <source>Places</source>
            <translation>Lieux</translation>
        </message>
        <message>
            <source>different places named</source>
            <translation>lieux différents cités</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Éditeur</translation>
        </message>
        <message>
            <source>&amp;Past work</source>
            <translation>&amp;Travail passé</translation>
        </message>
    </context>
    <context>
        <name>ArticlePresenter</name>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message numerus="yes">
            <source>Sources (%n)</source>
            <translation>
                <numerusform>Sources (%n)</numerusform>
                <numerusform>Sources (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ArticlesModel</name>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>Média</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Publié le</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Ouvert le</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>Média</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Claims</source>
            <translation>Affirmations</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>Vérifiée</translation>
        </message>
        <message>
            <source>Verdicts</source>
            <translation>Verdicts</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Dernière modification</translation>
        </message>
    </context>
    <context>
        <name>ArticlesView</name>
        <message>
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
        <message>
            <source>Filter by title, outlet or date</source>
            <translation>Filtrer par titre, média ou date</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Ouvrir</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;Supprimer…</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Chargement…</translation>
        </message>
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
                <numerusform>%n affirmation vérifiée</numerusform>
                <numerusform>%n affirmations vérifiées</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete “%1” and its %2 claim(s)?

A backup of the archive is taken first, and Edit › Undo brings the article back until Crible is closed.</source>
            <translation>Supprimer « %1 » et ses %2 affirmation(s) ?

Une sauvegarde de l'archive est faite d'abord, et Édition › Annuler ramène l'article tant que Crible reste ouvert.</translation>
        </message>
        <message>
            <source>Delete article</source>
            <translation>Supprimer l'article</translation>
        </message>
    </context>
    <context>
        <name>Asks</name>
        <message>
            <source>Articles (*.txt *.md *.html *.htm *.pdf);;All files (*)</source>
            <translation>Articles (*.txt *.md *.html *.htm *.pdf);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Open an article</source>
            <translation>Ouvrir un article</translation>
        </message>
        <message>
            <source>Open from URL</source>
            <translation>Ouvrir depuis une adresse web</translation>
        </message>
        <message>
            <source>Web address:</source>
            <translation>Adresse web :</translation>
        </message>
        <message>
            <source>Paste an article</source>
            <translation>Coller un article</translation>
        </message>
        <message>
            <source>Article text:</source>
            <translation>Texte de l'article :</translation>
        </message>
        <message>
            <source>Open an earlier article</source>
            <translation>Ouvrir un article précédent</translation>
        </message>
        <message>
            <source>Article:</source>
            <translation>Article :</translation>
        </message>
        <message>
            <source>Markdown report (*.md)</source>
            <translation>Rapport Markdown (*.md)</translation>
        </message>
        <message>
            <source>HTML report (*.html)</source>
            <translation>Rapport HTML (*.html)</translation>
        </message>
        <message>
            <source>ClaimReview JSON-LD (*.jsonld)</source>
            <translation>ClaimReview JSON-LD (*.jsonld)</translation>
        </message>
        <message>
            <source>Spreadsheet CSV (*.csv)</source>
            <translation>Tableur CSV (*.csv)</translation>
        </message>
        <message>
            <source>Export the article's check</source>
            <translation>Exporter la vérification de l'article</translation>
        </message>
    </context>
    <context>
        <name>ClaimSearchPanel</name>
        <message>
            <source>Words of the claim</source>
            <translation>Mots de l'affirmation</translation>
        </message>
        <message>
            <source>e.g. Faux</source>
            <translation>par ex. Faux</translation>
        </message>
        <message>
            <source>Who checked it</source>
            <translation>Qui l'a vérifiée</translation>
        </message>
        <message>
            <source>Where it appeared</source>
            <translation>Où elle a paru</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Tout statut</translation>
        </message>
        <message>
            <source>Text:</source>
            <translation>Texte :</translation>
        </message>
        <message>
            <source>Verdict:</source>
            <translation>Verdict :</translation>
        </message>
        <message>
            <source>Checked by:</source>
            <translation>Vérifiée par :</translation>
        </message>
        <message>
            <source>Outlet:</source>
            <translation>Média :</translation>
        </message>
        <message>
            <source>From:</source>
            <translation>Du :</translation>
        </message>
        <message>
            <source>To:</source>
            <translation>Au :</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>Statut :</translation>
        </message>
        <message>
            <source>&amp;Open article</source>
            <translation>&amp;Ouvrir l'article</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Recherche…</translation>
        </message>
        <message numerus="yes">
            <source>%n claim(s) found.</source>
            <translation>
                <numerusform>%n affirmation trouvée.</numerusform>
                <numerusform>%n affirmations trouvées.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ClaimStatus</name>
        <message>
            <source>To check</source>
            <translation>À vérifier</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>En cours</translation>
        </message>
        <message>
            <source>Checked</source>
            <translation>Vérifiée</translation>
        </message>
        <message>
            <source>Not check-worthy</source>
            <translation>Pas à vérifier</translation>
        </message>
    </context>
    <context>
        <name>ClaimTextDialog</name>
        <message>
            <source>Edit claim</source>
            <translation>Modifier l'affirmation</translation>
        </message>
        <message>
            <source>Wording of the claim:</source>
            <translation>Formulation de l'affirmation :</translation>
        </message>
    </context>
    <context>
        <name>ClaimsModel</name>
        <message>
            <source>#</source>
            <translation>n°</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Affirmation</translation>
        </message>
        <message>
            <source>Worth</source>
            <translation>Intérêt</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>Earlier check</source>
            <translation>Vérif. antérieure</translation>
        </message>
        <message>
            <source>Same claim</source>
            <translation>Même affirmation</translation>
        </message>
        <message>
            <source>Why it is worth checking:</source>
            <translation>Pourquoi la vérifier :</translation>
        </message>
    </context>
    <context>
        <name>ClaimsPane</name>
        <message>
            <source>Claims</source>
            <translation>Affirmations</translation>
        </message>
        <message>
            <source>Filter claims…</source>
            <translation>Filtrer les affirmations…</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Tous les statuts</translation>
        </message>
        <message numerus="yes">
            <source>Claims (%n)</source>
            <translation>
                <numerusform>Affirmations (%n)</numerusform>
                <numerusform>Affirmations (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DomainsModel</name>
        <message>
            <source>Each line needs a domain, such as lemonde.fr.</source>
            <translation>Chaque ligne doit avoir un domaine, par exemple lemonde.fr.</translation>
        </message>
        <message>
            <source>A domain is listed twice.</source>
            <translation>Un domaine figure deux fois.</translation>
        </message>
        <message>
            <source>Each domain needs a rating.</source>
            <translation>Chaque domaine doit avoir une cote.</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>Domaine</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>Cotation</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>DomainsPage</name>
        <message>
            <source>How far your team trusts a site. A rating applies to the domain and its sub-domains; it is shown beside every source from there.</source>
            <translation>La confiance de votre équipe envers un site. La cote s'applique au domaine et à ses sous-domaines ; elle s'affiche à côté de chaque source qui en vient.</translation>
        </message>
        <message>
            <source>&amp;Add domain</source>
            <translation>&amp;Ajouter un domaine</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
    </context>
    <context>
        <name>EditCommands</name>
        <message>
            <source>Select some text of the article first.</source>
            <translation>Sélectionnez d'abord un passage de l'article.</translation>
        </message>
        <message>
            <source>This text is already claim %1: selected it.</source>
            <translation>Ce passage est déjà l'affirmation %1 : elle est sélectionnée.</translation>
        </message>
        <message>
            <source>New claim</source>
            <translation>Nouvelle affirmation</translation>
        </message>
        <message>
            <source>Split claim</source>
            <translation>Scinder l'affirmation</translation>
        </message>
        <message>
            <source>This is the last claim: nothing to merge it with.</source>
            <translation>C'est la dernière affirmation : rien avec quoi la fusionner.</translation>
        </message>
        <message>
            <source>Select two claims to merge.</source>
            <translation>Sélectionnez deux affirmations à fusionner.</translation>
        </message>
        <message>
            <source>Merge claims</source>
            <translation>Fusionner les affirmations</translation>
        </message>
        <message>
            <source>Delete claim</source>
            <translation>Supprimer l'affirmation</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n claim(s)</source>
            <translation>
                <numerusform>Supprimer %n affirmation</numerusform>
                <numerusform>Supprimer %n affirmations</numerusform>
            </translation>
        </message>
        <message>
            <source>Add source</source>
            <translation>Ajouter une source</translation>
        </message>
        <message>
            <source>Edit source</source>
            <translation>Modifier la source</translation>
        </message>
        <message>
            <source>Remove source</source>
            <translation>Retirer la source</translation>
        </message>
        <message>
            <source>Saving the source's page (local copy and Wayback Machine)…</source>
            <translation>Enregistrement de la page de la source (copie locale et Wayback Machine)…</translation>
        </message>
        <message>
            <source>Imported %1 fact-check(s), %2 already known or skipped.</source>
            <translation>%1 vérification(s) importée(s), %2 déjà connue(s) ou ignorée(s).</translation>
        </message>
        <message>
            <source>Importing fact-checks…</source>
            <translation>Import des vérifications…</translation>
        </message>
        <message>
            <source>Confirm same claim</source>
            <translation>Confirmer la même affirmation</translation>
        </message>
        <message>
            <source>Dismiss earlier check</source>
            <translation>Écarter la vérification antérieure</translation>
        </message>
    </context>
    <context>
        <name>FactCheckModel</name>
        <message>
            <source>Publisher</source>
            <translation>Éditeur</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>Verdict publié</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Affirmation</translation>
        </message>
        <message>
            <source>Link</source>
            <translation>Lien</translation>
        </message>
        <message>
            <source>Claimed by %1</source>
            <translation>Affirmé par %1</translation>
        </message>
    </context>
    <context>
        <name>FactCheckPanel</name>
        <message>
            <source>Words of the claim to look for</source>
            <translation>Mots de l'affirmation à chercher</translation>
        </message>
        <message>
            <source>Any language</source>
            <translation>Toutes les langues</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Français</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Anglais</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Rechercher</translation>
        </message>
        <message>
            <source>Open settings…</source>
            <translation>Ouvrir les réglages…</translation>
        </message>
        <message>
            <source>&amp;Import selected</source>
            <translation>&amp;Importer la sélection</translation>
        </message>
        <message>
            <source>Import &amp;all</source>
            <translation>Importer &amp;tout</translation>
        </message>
        <message>
            <source>&amp;More results</source>
            <translation>&amp;Plus de résultats</translation>
        </message>
        <message>
            <source>&amp;Open review</source>
            <translation>&amp;Ouvrir la vérification</translation>
        </message>
        <message>
            <source>Type the words of a claim to search for.</source>
            <translation>Tapez les mots d'une affirmation à chercher.</translation>
        </message>
        <message>
            <source>Searching Google Fact Check Tools…</source>
            <translation>Recherche dans Google Fact Check Tools…</translation>
        </message>
        <message>
            <source>No published fact-check found for this claim.</source>
            <translation>Aucune vérification publiée trouvée pour cette affirmation.</translation>
        </message>
        <message numerus="yes">
            <source>%n published fact-check(s) found.</source>
            <translation>
                <numerusform>%n vérification publiée trouvée.</numerusform>
                <numerusform>%n vérifications publiées trouvées.</numerusform>
            </translation>
        </message>
        <message>
            <source>No Google Fact Check Tools key is stored. Add one in Settings → API keys to search fact-checks published worldwide.</source>
            <translation>Aucune clé Google Fact Check Tools n'est enregistrée. Ajoutez-en une dans Réglages → Clés d'API pour chercher les vérifications publiées dans le monde entier.</translation>
        </message>
        <message>
            <source>The search failed unexpectedly (%1); see the log.</source>
            <translation>La recherche a échoué de façon inattendue (%1) ; voir le journal.</translation>
        </message>
    </context>
    <context>
        <name>Failure</name>
        <message>
            <source>Something went wrong (%1); see the log.</source>
            <translation>Un problème est survenu (%1) ; voir le journal.</translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <source>Follow the system</source>
            <translation>Comme le système</translation>
        </message>
        <message>
            <source>A new language applies when Crible restarts; it offers to restart at once.</source>
            <translation>Une nouvelle langue s'applique au redémarrage de Crible, qui propose de redémarrer aussitôt.</translation>
        </message>
        <message>
            <source>e.g. Les Décodeurs</source>
            <translation>p. ex. Les Décodeurs</translation>
        </message>
        <message>
            <source>Your organisation is named as the author of the ClaimReview you export.</source>
            <translation>Votre organisation est citée comme auteur des ClaimReview que vous exportez.</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Langue :</translation>
        </message>
        <message>
            <source>&amp;Organisation:</source>
            <translation>&amp;Organisation :</translation>
        </message>
        <message>
            <source>Organisation &amp;website:</source>
            <translation>&amp;Site de l'organisation :</translation>
        </message>
        <message>
            <source>The organisation's website must start with http:// or https://.</source>
            <translation>Le site de l'organisation doit commencer par http:// ou https://.</translation>
        </message>
    </context>
    <context>
        <name>HistoryPane</name>
        <message>
            <source>Mark as resolved (keep the current value)</source>
            <translation>Marquer comme résolu (garder la valeur actuelle)</translation>
        </message>
        <message>
            <source>Conflict on %1: kept “%2” (%3); the other value: “%4” (%5)</source>
            <translation>Conflit sur %1 : gardé « %2 » (%3) ; l’autre valeur : « %4 » (%5)</translation>
        </message>
        <message>
            <source>created</source>
            <translation>créé</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>supprimé</translation>
        </message>
        <message>
            <source>No shared history yet (sync to see the team's changes).</source>
            <translation>Pas encore d’historique partagé (synchronisez pour voir les modifications de l’équipe).</translation>
        </message>
    </context>
    <context>
        <name>HitsModel</name>
        <message>
            <source>Tier</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Affirmation</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Éditeur</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>(archive entry)</source>
            <translation>(fiche d'archive)</translation>
        </message>
    </context>
    <context>
        <name>LevelsModel</name>
        <message>
            <source>The scale needs at least one level.</source>
            <translation>L'échelle doit avoir au moins un niveau.</translation>
        </message>
        <message>
            <source>Each level needs its own key (a short word such as “false”).</source>
            <translation>Chaque niveau doit avoir sa propre clé (un mot court comme « false »).</translation>
        </message>
        <message>
            <source>Each level needs a French and an English label.</source>
            <translation>Chaque niveau doit avoir un libellé français et un libellé anglais.</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Couleur</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Clé</translation>
        </message>
        <message>
            <source>French label</source>
            <translation>Libellé français</translation>
        </message>
        <message>
            <source>English label</source>
            <translation>Libellé anglais</translation>
        </message>
        <message>
            <source>Value (0–1)</source>
            <translation>Valeur (0–1)</translation>
        </message>
        <message>
            <source>Verdicts refer to this key: it cannot change.</source>
            <translation>Des verdicts renvoient à cette clé : elle ne peut pas changer.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Opening the article…</source>
            <translation>Ouverture de l'article…</translation>
        </message>
        <message>
            <source>Reading and splitting the article…</source>
            <translation>Lecture et découpage de l'article…</translation>
        </message>
        <message>
            <source>Splitting the article…</source>
            <translation>Découpage de l'article…</translation>
        </message>
        <message>
            <source>Settings saved.</source>
            <translation>Réglages enregistrés.</translation>
        </message>
        <message>
            <source>Crible could not restart itself; please start it again.</source>
            <translation>Crible n'a pas pu redémarrer ; relancez-le, s'il vous plaît.</translation>
        </message>
        <message>
            <source>No article in this archive yet.</source>
            <translation>Aucun article dans cette archive pour l'instant.</translation>
        </message>
        <message>
            <source>Open an article first.</source>
            <translation>Ouvrez d'abord un article.</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <source>Exported to %1</source>
            <translation>Exporté vers %1</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Crible %1&lt;/h3&gt;&lt;p&gt;A local-first workbench for fact-checkers: split an article into claims, find earlier fact-checks, record verdicts and sources, export ClaimReview.&lt;/p&gt;&lt;p&gt;Archive: %2&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Crible %1&lt;/h3&gt;&lt;p&gt;Un atelier local pour les vérificateurs : découper un article en affirmations, retrouver les vérifications antérieures, consigner verdicts et sources, exporter en ClaimReview.&lt;/p&gt;&lt;p&gt;Archive : %2&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About Crible</source>
            <translation>À propos de Crible</translation>
        </message>
        <message>
            <source>Only http(s) links are opened: %1</source>
            <translation>Seuls les liens http(s) sont ouverts : %1</translation>
        </message>
        <message>
            <source>Could not open %1 in the browser</source>
            <translation>Impossible d'ouvrir %1 dans le navigateur</translation>
        </message>
        <message>
            <source>A change could not be saved: the archive is busy in another program. Close again to quit without it.</source>
            <translation>Une modification n’a pas pu être enregistrée : l’archive est occupée dans un autre programme. Fermez de nouveau pour quitter sans elle.</translation>
        </message>
        <message>
            <source>&amp;Open article file…</source>
            <translation>&amp;Ouvrir un fichier d'article…</translation>
        </message>
        <message>
            <source>Open an article from a text, HTML or Markdown file</source>
            <translation>Ouvrir un article depuis un fichier texte, HTML ou Markdown</translation>
        </message>
        <message>
            <source>Open article from &amp;URL…</source>
            <translation>Ouvrir un article depuis une adresse &amp;web…</translation>
        </message>
        <message>
            <source>Fetch a web page and open its article</source>
            <translation>Télécharger une page web et ouvrir son article</translation>
        </message>
        <message>
            <source>&amp;Paste article…</source>
            <translation>&amp;Coller un article…</translation>
        </message>
        <message>
            <source>Paste an article's text</source>
            <translation>Coller le texte d'un article</translation>
        </message>
        <message>
            <source>Open &amp;earlier article…</source>
            <translation>Ouvrir un article &amp;précédent…</translation>
        </message>
        <message>
            <source>Reopen an article you worked on</source>
            <translation>Rouvrir un article déjà travaillé</translation>
        </message>
        <message>
            <source>E&amp;xport article…</source>
            <translation>E&amp;xporter l'article…</translation>
        </message>
        <message>
            <source>Save this article's check as Markdown, HTML, ClaimReview JSON-LD or CSV</source>
            <translation>Enregistrer la vérification de cet article en Markdown, HTML, ClaimReview JSON-LD ou CSV</translation>
        </message>
        <message>
            <source>&amp;Search the archive…</source>
            <translation>&amp;Chercher dans l'archive…</translation>
        </message>
        <message>
            <source>Search every stored claim and fact-check</source>
            <translation>Chercher parmi toutes les affirmations et vérifications enregistrées</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>Réglag&amp;es…</translation>
        </message>
        <message>
            <source>Language, rating scale, reliability list, API keys</source>
            <translation>Langue, échelle de cotation, liste de fiabilité, clés d'API</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>&amp;Annuler</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>&amp;Rétablir</translation>
        </message>
        <message>
            <source>&amp;New claim from selection</source>
            <translation>&amp;Nouvelle affirmation depuis la sélection</translation>
        </message>
        <message>
            <source>Make the text selected in the article a claim</source>
            <translation>Faire du passage sélectionné dans l'article une affirmation</translation>
        </message>
        <message>
            <source>&amp;Edit claim wording…</source>
            <translation>&amp;Modifier la formulation…</translation>
        </message>
        <message>
            <source>Reword the selected claim</source>
            <translation>Reformuler l'affirmation sélectionnée</translation>
        </message>
        <message>
            <source>S&amp;plit claim at cursor</source>
            <translation>&amp;Scinder l'affirmation au curseur</translation>
        </message>
        <message>
            <source>Cut the selected claim in two where the cursor is in the article</source>
            <translation>Couper l'affirmation sélectionnée en deux à l'endroit du curseur dans l'article</translation>
        </message>
        <message>
            <source>&amp;Merge with next claim</source>
            <translation>&amp;Fusionner avec la suivante</translation>
        </message>
        <message>
            <source>Join the selected claim with the next one (or the selected ones)</source>
            <translation>Réunir l'affirmation sélectionnée avec la suivante (ou les affirmations sélectionnées)</translation>
        </message>
        <message>
            <source>&amp;Delete claim</source>
            <translation>S&amp;upprimer l'affirmation</translation>
        </message>
        <message>
            <source>Delete the selected claim</source>
            <translation>Supprimer l'affirmation sélectionnée</translation>
        </message>
        <message>
            <source>&amp;Next claim</source>
            <translation>Affirmation suivan&amp;te</translation>
        </message>
        <message>
            <source>Select the next claim</source>
            <translation>Sélectionner l'affirmation suivante</translation>
        </message>
        <message>
            <source>&amp;Previous claim</source>
            <translation>Affirmation pré&amp;cédente</translation>
        </message>
        <message>
            <source>Select the previous claim</source>
            <translation>Sélectionner l'affirmation précédente</translation>
        </message>
        <message>
            <source>Mark as “%1”</source>
            <translation>Marquer « %1 »</translation>
        </message>
        <message>
            <source>Set &amp;verdict…</source>
            <translation>Choisir le &amp;verdict…</translation>
        </message>
        <message>
            <source>Choose the rating of the selected claim</source>
            <translation>Choisir la cotation de l'affirmation sélectionnée</translation>
        </message>
        <message>
            <source>Add &amp;source…</source>
            <translation>Ajouter une &amp;source…</translation>
        </message>
        <message>
            <source>Add a source to the selected claim</source>
            <translation>Ajouter une source à l'affirmation sélectionnée</translation>
        </message>
        <message>
            <source>Search earlier checks &amp;again</source>
            <translation>Relancer la recherche des vérifications &amp;antérieures</translation>
        </message>
        <message>
            <source>Match every claim of the article against the archive again</source>
            <translation>Comparer de nouveau chaque affirmation de l'article à l'archive</translation>
        </message>
        <message>
            <source>Colour claims by &amp;status</source>
            <translation>Colorer les affirmations par &amp;statut</translation>
        </message>
        <message>
            <source>Colour claims by check-&amp;worthiness</source>
            <translation>Colorer les affirmations par &amp;intérêt à vérifier</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Raccourcis clavier</translation>
        </message>
        <message>
            <source>&amp;About Crible</source>
            <translation>À &amp;propos de Crible</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Édition</translation>
        </message>
        <message>
            <source>&amp;Claim</source>
            <translation>&amp;Affirmation</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>Affic&amp;hage</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>Undo: %1</source>
            <translation>Annuler : %1</translation>
        </message>
        <message>
            <source>Redo: %1</source>
            <translation>Rétablir : %1</translation>
        </message>
        <message>
            <source>status</source>
            <translation>statut</translation>
        </message>
        <message>
            <source>rating</source>
            <translation>cotation</translation>
        </message>
        <message>
            <source>verdict text</source>
            <translation>texte du verdict</translation>
        </message>
        <message>
            <source>notes</source>
            <translation>notes</translation>
        </message>
        <message>
            <source>claimant</source>
            <translation>auteur</translation>
        </message>
        <message>
            <source>claim date</source>
            <translation>date</translation>
        </message>
        <message>
            <source>wording</source>
            <translation>formulation</translation>
        </message>
        <message>
            <source>Edit claim: %1</source>
            <translation>Modifier l'affirmation : %1</translation>
        </message>
        <message>
            <source>Claim %1: %2</source>
            <translation>Affirmation %1 : %2</translation>
        </message>
        <message>
            <source>local copy failed: %1</source>
            <translation>échec de la copie locale : %1</translation>
        </message>
        <message>
            <source>local copy kept (%1 characters)</source>
            <translation>copie locale conservée (%1 caractères)</translation>
        </message>
        <message>
            <source>Wayback Machine failed: %1</source>
            <translation>échec de la Wayback Machine : %1</translation>
        </message>
        <message>
            <source>archived at %1</source>
            <translation>archivée à l'adresse %1</translation>
        </message>
        <message>
            <source>Untitled article</source>
            <translation>Article sans titre</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Français</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Anglais</translation>
        </message>
        <message>
            <source>%1 claims</source>
            <translation>%1 affirmations</translation>
        </message>
        <message>
            <source>figure or date</source>
            <translation>chiffre ou date</translation>
        </message>
        <message>
            <source>quote</source>
            <translation>citation</translation>
        </message>
        <message>
            <source>loaded word</source>
            <translation>mot connoté</translation>
        </message>
        <message>
            <source>No article open. Open a file, a URL or paste text.</source>
            <translation>Aucun article ouvert. Ouvrez un fichier, une adresse web ou collez un texte.</translation>
        </message>
        <message>
            <source>Earlier checks</source>
            <translation>Vérifications antérieures</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Online fact-checks</source>
            <translation>Vérifications en ligne</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
    </context>
    <context>
        <name>MatchesModel</name>
        <message>
            <source>Tier</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Earlier claim</source>
            <translation>Affirmation antérieure</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Éditeur</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Your call</source>
            <translation>Votre avis</translation>
        </message>
        <message>
            <source>Same claim</source>
            <translation>Même affirmation</translation>
        </message>
        <message>
            <source>Not the same</source>
            <translation>Pas la même</translation>
        </message>
    </context>
    <context>
        <name>MatchesPane</name>
        <message>
            <source>Select a claim to see earlier checks.</source>
            <translation>Sélectionnez une affirmation pour voir les vérifications antérieures.</translation>
        </message>
        <message>
            <source>Same claim</source>
            <translation>Même affirmation</translation>
        </message>
        <message>
            <source>Confirm this earlier check is about the same claim</source>
            <translation>Confirmer que cette vérification antérieure porte sur la même affirmation</translation>
        </message>
        <message>
            <source>Not the same</source>
            <translation>Pas la même</translation>
        </message>
        <message>
            <source>Dismiss this earlier check</source>
            <translation>Écarter cette vérification antérieure</translation>
        </message>
        <message>
            <source>Open fact-check</source>
            <translation>Ouvrir la vérification</translation>
        </message>
        <message>
            <source>Searching the archive for earlier checks…</source>
            <translation>Recherche de vérifications antérieures dans l'archive…</translation>
        </message>
        <message numerus="yes">
            <source>%n earlier check(s) found</source>
            <translation>
                <numerusform>%n vérification antérieure trouvée</numerusform>
                <numerusform>%n vérifications antérieures trouvées</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source> — %n likely the same claim</source>
            <translation>
                <numerusform> — %n probablement la même affirmation</numerusform>
                <numerusform> — %n probablement la même affirmation</numerusform>
            </translation>
        </message>
        <message>
            <source>No earlier check found in the archive.</source>
            <translation>Aucune vérification antérieure dans l'archive.</translation>
        </message>
    </context>
    <context>
        <name>MatchingController</name>
        <message>
            <source>Searching earlier checks…</source>
            <translation>Recherche des vérifications antérieures…</translation>
        </message>
        <message>
            <source>Earlier checks unavailable: %1</source>
            <translation>Vérifications antérieures indisponibles : %1</translation>
        </message>
    </context>
    <context>
        <name>PublishChecklist</name>
        <message>
            <source>Publish checklist</source>
            <translation>Avant publication</translation>
        </message>
        <message>
            <source>Show claims without a verdict too</source>
            <translation>Montrer aussi les affirmations sans verdict</translation>
        </message>
        <message>
            <source>&amp;Apply</source>
            <translation>&amp;Appliquer</translation>
        </message>
        <message>
            <source>&amp;Export ClaimReview…</source>
            <translation>&amp;Exporter le ClaimReview…</translation>
        </message>
        <message>
            <source>The review of the selected claim</source>
            <translation>La vérification de l'affirmation choisie</translation>
        </message>
        <message>
            <source>The claim as a self-contained sentence</source>
            <translation>L'affirmation en une phrase qui se suffit à elle-même</translation>
        </message>
        <message>
            <source>Claim reviewed:</source>
            <translation>Affirmation vérifiée :</translation>
        </message>
        <message>
            <source>Review URL:</source>
            <translation>Adresse de la vérification :</translation>
        </message>
        <message>
            <source>Headline:</source>
            <translation>Titre :</translation>
        </message>
        <message>
            <source>Reviewer:</source>
            <translation>Vérifié par :</translation>
        </message>
        <message>
            <source>Review date:</source>
            <translation>Date de la vérification :</translation>
        </message>
        <message>
            <source>Claim date:</source>
            <translation>Date de l'affirmation :</translation>
        </message>
        <message>
            <source>Claimant:</source>
            <translation>Auteur de l'affirmation :</translation>
        </message>
        <message>
            <source>https://… the published fact-check page</source>
            <translation>https://… la page de la vérification publiée</translation>
        </message>
        <message>
            <source>The fact-check's headline</source>
            <translation>Le titre de la vérification</translation>
        </message>
        <message>
            <source>Who checked it, in your organisation</source>
            <translation>Qui l'a vérifiée, dans votre organisation</translation>
        </message>
        <message>
            <source>YYYY-MM-DD (default: the last change)</source>
            <translation>AAAA-MM-JJ (par défaut : la dernière modification)</translation>
        </message>
        <message>
            <source>YYYY-MM-DD (default: the article's date)</source>
            <translation>AAAA-MM-JJ (par défaut : la date de l'article)</translation>
        </message>
        <message>
            <source>Who made the claim</source>
            <translation>Qui a fait cette affirmation</translation>
        </message>
        <message>
            <source>The article</source>
            <translation>L'article</translation>
        </message>
        <message>
            <source>URL:</source>
            <translation>Adresse :</translation>
        </message>
        <message>
            <source>Outlet:</source>
            <translation>Média :</translation>
        </message>
        <message>
            <source>Published:</source>
            <translation>Publié le :</translation>
        </message>
        <message>
            <source>Author:</source>
            <translation>Auteur :</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>Titre :</translation>
        </message>
        <message>
            <source>Your organisation:</source>
            <translation>Votre organisation :</translation>
        </message>
        <message>
            <source>Its web address:</source>
            <translation>Son adresse web :</translation>
        </message>
        <message>
            <source>No claim has a verdict yet: there is nothing to publish.</source>
            <translation>Aucune affirmation n'a encore de verdict : rien à publier.</translation>
        </message>
        <message>
            <source>%1 review(s) ready, %2 incomplete: fill in what is missing in red.</source>
            <translation>%1 vérification(s) prête(s), %2 incomplète(s) : complétez ce qui manque en rouge.</translation>
        </message>
        <message>
            <source>All %1 review(s) are ready to publish.</source>
            <translation>Les %1 vérification(s) sont prêtes à publier.</translation>
        </message>
        <message>
            <source>organisation</source>
            <translation>organisation</translation>
        </message>
        <message>
            <source>organisation's address</source>
            <translation>adresse de l'organisation</translation>
        </message>
        <message>
            <source>verdict</source>
            <translation>verdict</translation>
        </message>
        <message>
            <source>review URL</source>
            <translation>adresse de la vérification</translation>
        </message>
        <message>
            <source>claim reviewed</source>
            <translation>affirmation vérifiée</translation>
        </message>
        <message>
            <source>article URL</source>
            <translation>adresse de l'article</translation>
        </message>
        <message>
            <source>headline</source>
            <translation>titre</translation>
        </message>
        <message>
            <source>reviewer</source>
            <translation>vérificateur</translation>
        </message>
        <message>
            <source>claimant</source>
            <translation>auteur</translation>
        </message>
        <message>
            <source>Article: metadata</source>
            <translation>Article : métadonnées</translation>
        </message>
        <message>
            <source>Claim %1: review</source>
            <translation>Affirmation %1 : vérification</translation>
        </message>
        <message>
            <source>The change was refused.</source>
            <translation>La modification a été refusée.</translation>
        </message>
    </context>
    <context>
        <name>PublishDesk</name>
        <message>
            <source>&amp;Articles…</source>
            <translation>&amp;Articles…</translation>
        </message>
        <message>
            <source>Publish &amp;checklist…</source>
            <translation>Avant &amp;publication…</translation>
        </message>
        <message>
            <source>&amp;Import fact-checks…</source>
            <translation>&amp;Importer des vérifications…</translation>
        </message>
        <message>
            <source>This article is open: open another one before deleting it.</source>
            <translation>Cet article est ouvert : ouvrez-en un autre avant de le supprimer.</translation>
        </message>
        <message>
            <source>No backup could be taken, nothing deleted: %1</source>
            <translation>Aucune sauvegarde possible, rien n'a été supprimé : %1</translation>
        </message>
        <message>
            <source>Delete article</source>
            <translation>Supprimer l'article</translation>
        </message>
        <message>
            <source>Article deleted (Ctrl+Z brings it back); backup: %1</source>
            <translation>Article supprimé (Ctrl+Z le ramène) ; sauvegarde : %1</translation>
        </message>
        <message>
            <source>Open an article first.</source>
            <translation>Ouvrez d'abord un article.</translation>
        </message>
        <message>
            <source>Export the article's check</source>
            <translation>Exporter la vérification de l'article</translation>
        </message>
        <message>
            <source>Import fact-checks</source>
            <translation>Importer des vérifications</translation>
        </message>
        <message>
            <source>Fact-check files (%1)</source>
            <translation>Fichiers de vérifications (%1)</translation>
        </message>
        <message>
            <source>Importing fact-checks…</source>
            <translation>Import des vérifications…</translation>
        </message>
        <message>
            <source>%1 fact-check(s) imported, %2 skipped.</source>
            <translation>%1 vérification(s) importée(s), %2 écartée(s).</translation>
        </message>
        <message>
            <source>The import was cancelled.</source>
            <translation>L'import a été annulé.</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Records not imported, and why:</source>
            <translation>Enregistrements non importés, et pourquoi :</translation>
        </message>
    </context>
    <context>
        <name>Reason</name>
        <message>
            <source>a figure attributed to</source>
            <translation>chiffre attribué à</translation>
        </message>
        <message>
            <source>a figure to verify</source>
            <translation>chiffre à vérifier</translation>
        </message>
        <message>
            <source>an unquantified amount</source>
            <translation>quantité non chiffrée</translation>
        </message>
        <message>
            <source>a comparison or a change</source>
            <translation>comparaison ou évolution</translation>
        </message>
        <message>
            <source>a causal claim</source>
            <translation>lien de cause à effet</translation>
        </message>
        <message>
            <source>a prediction</source>
            <translation>prédiction</translation>
        </message>
        <message>
            <source>a dated event</source>
            <translation>événement daté</translation>
        </message>
        <message>
            <source>about a named person</source>
            <translation>au sujet d'une personne nommée</translation>
        </message>
        <message>
            <source>about a named place or body</source>
            <translation>au sujet d'un lieu ou d'un organisme nommé</translation>
        </message>
        <message>
            <source>a direct quote</source>
            <translation>citation directe</translation>
        </message>
        <message>
            <source>an opinion rather than a fact</source>
            <translation>opinion plutôt que fait</translation>
        </message>
        <message>
            <source>a question, not a claim</source>
            <translation>question, pas une affirmation</translation>
        </message>
        <message>
            <source>framing: loaded words without a checkable fact</source>
            <translation>cadrage : mots connotés sans fait vérifiable</translation>
        </message>
        <message>
            <source>no figure, date, named source or event to check</source>
            <translation>ni chiffre, ni date, ni source nommée, ni événement à vérifier</translation>
        </message>
        <message>
            <source>loaded words (opinion, not fact)</source>
            <translation>mots connotés (opinion, pas un fait)</translation>
        </message>
        <message>
            <source>anonymous sourcing</source>
            <translation>source anonyme</translation>
        </message>
        <message>
            <source>number with unit</source>
            <translation>nombre avec unité</translation>
        </message>
        <message>
            <source>attributed to</source>
            <translation>attribué à</translation>
        </message>
        <message>
            <source>opinion marker</source>
            <translation>marque d'opinion</translation>
        </message>
        <message>
            <source>direct quote</source>
            <translation>citation directe</translation>
        </message>
        <message>
            <source>a question</source>
            <translation>une question</translation>
        </message>
        <message>
            <source>comparison</source>
            <translation>comparaison</translation>
        </message>
        <message>
            <source>prediction</source>
            <translation>prédiction</translation>
        </message>
        <message>
            <source>quantity</source>
            <translation>quantité</translation>
        </message>
        <message>
            <source>causal</source>
            <translation>lien de cause</translation>
        </message>
        <message>
            <source>number</source>
            <translation>nombre</translation>
        </message>
        <message>
            <source>people</source>
            <translation>personnes</translation>
        </message>
        <message>
            <source>named</source>
            <translation>noms cités</translation>
        </message>
        <message>
            <source>about</source>
            <translation>à propos de</translation>
        </message>
        <message>
            <source>date</source>
            <translation>date</translation>
        </message>
    </context>
    <context>
        <name>Reliability</name>
        <message>
            <source>Reliable</source>
            <translation>Fiable</translation>
        </message>
        <message>
            <source>Mixed</source>
            <translation>Mitigé</translation>
        </message>
        <message>
            <source>Unreliable</source>
            <translation>Peu fiable</translation>
        </message>
        <message>
            <source>Satire</source>
            <translation>Satire</translation>
        </message>
    </context>
    <context>
        <name>RestartOffer</name>
        <message>
            <source>Restart Crible now to show it in the new language?</source>
            <translation>Redémarrer Crible maintenant pour l'afficher dans la nouvelle langue ?</translation>
        </message>
        <message>
            <source>Your work is saved; Crible reopens on this article.</source>
            <translation>Votre travail est enregistré ; Crible rouvrira cet article.</translation>
        </message>
        <message>
            <source>&amp;Restart now</source>
            <translation>&amp;Redémarrer maintenant</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>P&amp;lus tard</translation>
        </message>
    </context>
    <context>
        <name>ScalePage</name>
        <message>
            <source>The verdicts your team gives, from best to worst. A value between 0 and 1 makes the rating numeric in ClaimReview; leave it empty for levels such as “unverifiable”. Removing a level clears the verdicts that used it.</source>
            <translation>Les verdicts de votre équipe, du meilleur au pire. Une valeur entre 0 et 1 rend la cotation numérique dans ClaimReview ; laissez-la vide pour des niveaux comme « invérifiable ». Retirer un niveau efface les verdicts qui l'utilisaient.</translation>
        </message>
        <message>
            <source>&amp;Add level</source>
            <translation>&amp;Ajouter un niveau</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>&amp;Monter</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>&amp;Descendre</translation>
        </message>
        <message>
            <source>&amp;Colour…</source>
            <translation>&amp;Couleur…</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Crible settings</source>
            <translation>Réglages de Crible</translation>
        </message>
        <message>
            <source>General</source>
            <translation>Général</translation>
        </message>
        <message>
            <source>Rating scale</source>
            <translation>Échelle de cotation</translation>
        </message>
        <message>
            <source>Domain reliability</source>
            <translation>Fiabilité des domaines</translation>
        </message>
        <message>
            <source>API keys</source>
            <translation>Clés d'API</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Filter…</source>
            <translation>Filtrer…</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Raccourci</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Autres</translation>
        </message>
    </context>
    <context>
        <name>SourceForm</name>
        <message>
            <source>Edit source</source>
            <translation>Modifier la source</translation>
        </message>
        <message>
            <source>Add a source</source>
            <translation>Ajouter une source</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-JJ</translation>
        </message>
        <message>
            <source>The passage that supports or refutes the claim</source>
            <translation>Le passage qui confirme ou contredit l'affirmation</translation>
        </message>
        <message>
            <source>&amp;URL:</source>
            <translation>&amp;Adresse :</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Titre :</translation>
        </message>
        <message>
            <source>&amp;Publisher:</source>
            <translation>É&amp;diteur :</translation>
        </message>
        <message>
            <source>Publis&amp;hed on:</source>
            <translation>&amp;Publié le :</translation>
        </message>
        <message>
            <source>A&amp;ccessed on:</source>
            <translation>&amp;Consulté le :</translation>
        </message>
        <message>
            <source>&amp;Stance:</source>
            <translation>Po&amp;sition :</translation>
        </message>
        <message>
            <source>&amp;Excerpt:</source>
            <translation>E&amp;xtrait :</translation>
        </message>
        <message>
            <source>&amp;Note:</source>
            <translation>&amp;Note :</translation>
        </message>
        <message>
            <source>&amp;Archived copy:</source>
            <translation>Copie a&amp;rchivée :</translation>
        </message>
        <message>
            <source>Enter the address of the source.</source>
            <translation>Saisissez l'adresse de la source.</translation>
        </message>
        <message>
            <source>The address must be a web page starting with http:// or https://.</source>
            <translation>L'adresse doit être une page web commençant par http:// ou https://.</translation>
        </message>
        <message>
            <source>The archived copy must be a web address (http:// or https://).</source>
            <translation>La copie archivée doit être une adresse web (http:// ou https://).</translation>
        </message>
        <message>
            <source>publication date</source>
            <translation>date de publication</translation>
        </message>
        <message>
            <source>access date</source>
            <translation>date de consultation</translation>
        </message>
        <message>
            <source>The %1 must look like 2024-03-31.</source>
            <translation>La %1 doit avoir la forme 2024-03-31.</translation>
        </message>
    </context>
    <context>
        <name>SourcesModel</name>
        <message>
            <source>Stance</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Publisher</source>
            <translation>Éditeur</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Publiée le</translation>
        </message>
        <message>
            <source>Reliability</source>
            <translation>Fiabilité</translation>
        </message>
        <message>
            <source>Archived</source>
            <translation>Archivée</translation>
        </message>
        <message>
            <source>text only</source>
            <translation>texte seul</translation>
        </message>
    </context>
    <context>
        <name>SourcesPane</name>
        <message>
            <source>Publisher</source>
            <translation>Éditeur</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>Publiée le</translation>
        </message>
        <message>
            <source>Accessed</source>
            <translation>Consultée le</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>Domaine</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>Note :</translation>
        </message>
        <message>
            <source>Archived copy:</source>
            <translation>Copie archivée :</translation>
        </message>
        <message>
            <source>Not archived yet.</source>
            <translation>Pas encore archivée.</translation>
        </message>
        <message>
            <source>Local text copy saved %1.</source>
            <translation>Copie texte locale enregistrée le %1.</translation>
        </message>
        <message>
            <source>Read it</source>
            <translation>La lire</translation>
        </message>
        <message>
            <source>&amp;Add source…</source>
            <translation>&amp;Ajouter une source…</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Modifier…</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Retirer</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Ouvrir</translation>
        </message>
        <message>
            <source>Open the source in your web browser</source>
            <translation>Ouvrir la source dans votre navigateur</translation>
        </message>
        <message>
            <source>Ar&amp;chive</source>
            <translation>Ar&amp;chiver</translation>
        </message>
        <message>
            <source>Save the page on the Wayback Machine and keep a local text copy</source>
            <translation>Enregistrer la page sur la Wayback Machine et garder une copie texte locale</translation>
        </message>
        <message>
            <source>Select a claim to see its sources.</source>
            <translation>Sélectionnez une affirmation pour voir ses sources.</translation>
        </message>
        <message>
            <source>No source yet: add the evidence you found.</source>
            <translation>Aucune source pour l'instant : ajoutez les preuves trouvées.</translation>
        </message>
        <message numerus="yes">
            <source>%n source(s)</source>
            <translation>
                <numerusform>%n source</numerusform>
                <numerusform>%n sources</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Stance</name>
        <message>
            <source>Supports</source>
            <translation>Confirme</translation>
        </message>
        <message>
            <source>Refutes</source>
            <translation>Contredit</translation>
        </message>
        <message>
            <source>Context</source>
            <translation>Contexte</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Undone: %1</source>
            <translation>Annulé : %1</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Enregistré : %1</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicator</name>
        <message>
            <source>Syncing…</source>
            <translation>Synchronisation…</translation>
        </message>
        <message>
            <source>Syncing with the team</source>
            <translation>Synchronisation avec l’équipe</translation>
        </message>
        <message>
            <source>Team: offline</source>
            <translation>Équipe : hors ligne</translation>
        </message>
        <message>
            <source>Team: synced %1</source>
            <translation>Équipe : synchronisé à %1</translation>
        </message>
        <message>
            <source>Team: never synced</source>
            <translation>Équipe : jamais synchronisé</translation>
        </message>
        <message numerus="yes">
            <source>%n to send</source>
            <translation>
                <numerusform>%n à envoyer</numerusform>
                <numerusform>%n à envoyer</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n conflict(s)</source>
            <translation>
                <numerusform>%n conflit</numerusform>
                <numerusform>%n conflits</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 as %2. Click to sync now.</source>
            <translation>%1 en tant que %2. Cliquez pour synchroniser maintenant.</translation>
        </message>
    </context>
    <context>
        <name>TaskRunner</name>
        <message>
            <source>The disk is full: nothing was lost. Free some space and try again.</source>
            <translation>Le disque est plein : rien n'est perdu. Libérez de la place et réessayez.</translation>
        </message>
        <message>
            <source>The archive cannot be written to (a read-only file or disk): nothing was lost. Make it writable and try again.</source>
            <translation>Impossible d'écrire dans l'archive (fichier ou disque en lecture seule) : rien n'est perdu. Rendez-la modifiable et réessayez.</translation>
        </message>
        <message>
            <source>The archive is busy in another program (another Crible?): nothing was lost. Try again in a moment.</source>
            <translation>L'archive est occupée par un autre programme (un autre Crible ?) : rien n'est perdu. Réessayez dans un instant.</translation>
        </message>
    </context>
    <context>
        <name>TaskStatus</name>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Stop the work running in the background</source>
            <translation>Arrêter le travail en cours en arrière-plan</translation>
        </message>
    </context>
    <context>
        <name>TeamSync</name>
        <message>
            <source>Team</source>
            <translation>Équipe</translation>
        </message>
        <message numerus="yes">
            <source>Team (%n conflict(s))</source>
            <translation>
                <numerusform>Équipe (%n conflit)</numerusform>
                <numerusform>Équipe (%n conflits)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Tier</name>
        <message>
            <source>Same claim</source>
            <translation>Même affirmation</translation>
        </message>
        <message>
            <source>Related</source>
            <translation>Apparentée</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>Faible</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>Correspondance</translation>
        </message>
    </context>
    <context>
        <name>Unit</name>
        <message>
            <source>million</source>
            <translation>million</translation>
        </message>
        <message>
            <source>billion</source>
            <translation>milliard</translation>
        </message>
        <message>
            <source>thousand</source>
            <translation>mille</translation>
        </message>
        <message>
            <source>million</source>
            <comment>plural</comment>
            <translation>millions</translation>
        </message>
        <message>
            <source>billion</source>
            <comment>plural</comment>
            <translation>milliards</translation>
        </message>
        <message>
            <source>thousand</source>
            <comment>plural</comment>
            <translation>mille</translation>
        </message>
        <message>
            <source>year</source>
            <translation>an</translation>
        </message>
        <message>
            <source>years</source>
            <translation>ans</translation>
        </message>
        <message>
            <source>day</source>
            <translation>jour</translation>
        </message>
        <message>
            <source>days</source>
            <translation>jours</translation>
        </message>
        <message>
            <source>month</source>
            <translation>mois</translation>
        </message>
        <message>
            <source>months</source>
            <translation>mois</translation>
        </message>
    </context>
    <context>
        <name>VerdictEditor</name>
        <message>
            <source>One line: what the checker concluded</source>
            <translation>Une ligne : la conclusion de la vérification</translation>
        </message>
        <message>
            <source>Working notes, open questions, contacts…</source>
            <translation>Notes de travail, questions ouvertes, contacts…</translation>
        </message>
        <message>
            <source>Who made the claim</source>
            <translation>Qui a fait cette affirmation</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>AAAA-MM-JJ</translation>
        </message>
        <message>
            <source>Not saved yet (the archive was busy): saved when you leave the field again.</source>
            <translation>Pas encore enregistré (l’archive était occupée) : enregistré quand vous quitterez de nouveau le champ.</translation>
        </message>
        <message>
            <source>&amp;Rating:</source>
            <translation>&amp;Cotation :</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatut :</translation>
        </message>
        <message>
            <source>&amp;Verdict:</source>
            <translation>&amp;Verdict :</translation>
        </message>
        <message>
            <source>Clai&amp;mant:</source>
            <translation>Aute&amp;ur :</translation>
        </message>
        <message>
            <source>Claim &amp;date:</source>
            <translation>&amp;Date :</translation>
        </message>
        <message>
            <source>&amp;Notes:</source>
            <translation>&amp;Notes :</translation>
        </message>
        <message>
            <source>Select a claim to record its verdict.</source>
            <translation>Sélectionnez une affirmation pour consigner son verdict.</translation>
        </message>
        <message>
            <source>— no rating —</source>
            <translation>— pas de cotation —</translation>
        </message>
        <message>
            <source>Claim date must look like 2024-03-31 (or 2024-03, or 2024).</source>
            <translation>La date doit avoir la forme 2024-03-31 (ou 2024-03, ou 2024).</translation>
        </message>
    </context>
    <context>
        <name>ChecklistModel</name>
        <message>
            <source>#</source>
            <translation>n°</translation>
        </message>
        <message>
            <source>Claim reviewed</source>
            <translation>Affirmation vérifiée</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Manque</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Prête</translation>
        </message>
        <message>
            <source>Recommended: %1</source>
            <translation>Recommandé : %1</translation>
        </message>
    </context>
    <context>
        <name>ClaimHitsModel</name>
        <message>
            <source>Claim</source>
            <translation>Affirmation</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Statut</translation>
        </message>
        <message>
            <source>Checked by</source>
            <translation>Vérifiée par</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>Outlet</source>
            <translation>Média</translation>
        </message>
    </context>
    <context>
        <name>Explanation</name>
        <message>
            <source>no verdict</source>
            <translation>pas de verdict</translation>
        </message>
        <message>
            <source>score</source>
            <translation>score</translation>
        </message>
        <message>
            <source>Earlier claim:</source>
            <translation>Affirmation antérieure :</translation>
        </message>
        <message>
            <source>Verdict:</source>
            <translation>Verdict :</translation>
        </message>
        <message>
            <source>Your claim:</source>
            <translation>Votre affirmation :</translation>
        </message>
        <message>
            <source>Different figures:</source>
            <translation>Chiffres différents :</translation>
        </message>
        <message>
            <source>Names a different country</source>
            <translation>Cite un autre pays</translation>
        </message>
        <message>
            <source>Different actors:</source>
            <translation>Acteurs différents :</translation>
        </message>
        <message>
            <source>Same figures:</source>
            <translation>Mêmes chiffres :</translation>
        </message>
        <message>
            <source>Shared words:</source>
            <translation>Mots communs :</translation>
        </message>
        <message>
            <source>Same speaker</source>
            <translation>Même auteur</translation>
        </message>
        <message>
            <source>Same names:</source>
            <translation>Mêmes noms :</translation>
        </message>
        <message>
            <source>Same places:</source>
            <translation>Mêmes lieux :</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <source>Edit</source>
            <translation>Modifier</translation>
        </message>
        <message>
            <source>Edit claim</source>
            <translation>Modifier l'affirmation</translation>
        </message>
        <message>
            <source>New claim</source>
            <translation>Nouvelle affirmation</translation>
        </message>
        <message>
            <source>Delete claim</source>
            <translation>Supprimer l'affirmation</translation>
        </message>
        <message>
            <source>Split claim</source>
            <translation>Scinder l'affirmation</translation>
        </message>
        <message>
            <source>Merge claims</source>
            <translation>Fusionner les affirmations</translation>
        </message>
        <message>
            <source>Add source</source>
            <translation>Ajouter une source</translation>
        </message>
        <message>
            <source>Edit source</source>
            <translation>Modifier la source</translation>
        </message>
        <message>
            <source>Remove source</source>
            <translation>Retirer la source</translation>
        </message>
        <message>
            <source>Confirm same claim</source>
            <translation>Confirmer la même affirmation</translation>
        </message>
        <message>
            <source>Dismiss earlier check</source>
            <translation>Écarter la vérification antérieure</translation>
        </message>
    </context>
    <context>
        <name>ArticleView</name>
        <message>
            <source>Loaded word: check the framing</source>
            <translation>Mot connoté : vérifier le cadrage</translation>
        </message>
        <message>
            <source>Number: check the figure</source>
            <translation>Nombre : vérifier le chiffre</translation>
        </message>
        <message>
            <source>Quantity: check the figure and its unit</source>
            <translation>Quantité : vérifier le chiffre et son unité</translation>
        </message>
        <message>
            <source>Date: check when</source>
            <translation>Date : vérifier quand</translation>
        </message>
        <message>
            <source>Quote: check who said it, and the exact words</source>
            <translation>Citation : vérifier qui l'a dite, et les mots exacts</translation>
        </message>
        <message>
            <source>Checkable element: {kind}</source>
            <translation>Élément vérifiable : {kind}</translation>
        </message>
        <message>
            <source>New claim from selection</source>
            <translation>Nouvelle affirmation depuis la sélection</translation>
        </message>
    </context>
    <context>
        <name>UserError</name>
        <message>
            <source>cannot write {path}: {reason}</source>
            <translation>impossible d'écrire {path} : {reason}</translation>
        </message>
        <message>
            <source>{path} is a symbolic link: give the file it points to, or another name</source>
            <translation>{path} est un lien symbolique : donnez le fichier vers lequel il pointe, ou un autre nom</translation>
        </message>
        <message>
            <source>{path} is not a regular file: give another name</source>
            <translation>{path} n'est pas un fichier ordinaire : donnez un autre nom</translation>
        </message>
        <message>
            <source>cannot write {path}: no such folder {folder}</source>
            <translation>impossible d'écrire {path} : dossier {folder} introuvable</translation>
        </message>
        <message>
            <source>a PDF</source>
            <translation>un PDF</translation>
        </message>
        <message>
            <source>a ZIP or office document</source>
            <translation>une archive ZIP ou un document bureautique</translation>
        </message>
        <message>
            <source>an image</source>
            <translation>une image</translation>
        </message>
        <message>
            <source>a program</source>
            <translation>un programme</translation>
        </message>
        <message>
            <source>{url} is not a web page ({kind})</source>
            <translation>{url} n'est pas une page web ({kind})</translation>
        </message>
        <message>
            <source>the article is empty</source>
            <translation>l'article est vide</translation>
        </message>
        <message>
            <source>{name}: unsupported file type {suffix} (use .txt, .md, .html or .pdf)</source>
            <translation>{name} : type de fichier non pris en charge {suffix} (utilisez .txt, .md, .html ou .pdf)</translation>
        </message>
        <message>
            <source>unsupported address (http or https only): {url}</source>
            <translation>adresse non prise en charge (http ou https seulement) : {url}</translation>
        </message>
        <message>
            <source>{name} is too large (limit {limit} MB)</source>
            <translation>{name} est trop volumineux (limite : {limit} Mo)</translation>
        </message>
        <message>
            <source>{name} is a binary file, not text</source>
            <translation>{name} est un fichier binaire, pas du texte</translation>
        </message>
        <message>
            <source>{name}: cannot tell its text encoding (save it as UTF-8)</source>
            <translation>{name} : impossible de reconnaître l'encodage du texte (enregistrez-le en UTF-8)</translation>
        </message>
        <message>
            <source>no article text found in {where}</source>
            <translation>aucun texte d'article trouvé dans {where}</translation>
        </message>
        <message>
            <source>standard input is larger than {limit} MB</source>
            <translation>l'entrée standard dépasse {limit} Mo</translation>
        </message>
        <message>
            <source>{name} is a folder, not a file</source>
            <translation>{name} est un dossier, pas un fichier</translation>
        </message>
        <message>
            <source>{name} is too large ({size} MB; limit {limit} MB)</source>
            <translation>{name} est trop volumineux ({size} Mo ; limite : {limit} Mo)</translation>
        </message>
        <message>
            <source>no such file: {path}</source>
            <translation>fichier introuvable : {path}</translation>
        </message>
        <message>
            <source>cannot read {path}: permission denied</source>
            <translation>impossible de lire {path} : accès refusé</translation>
        </message>
        <message>
            <source>{name} is {kind}, not text (paste its text or save it as .txt)</source>
            <translation>{name} est {kind}, pas du texte (collez-en le texte ou enregistrez-le en .txt)</translation>
        </message>
        <message>
            <source>{name} has no text layer (a scanned PDF?): run it through OCR, or paste its text</source>
            <translation>{name} n'a pas de couche texte (un PDF scanné ?) : passez-le à l'OCR, ou collez son texte</translation>
        </message>
        <message>
            <source>{name} is protected by a password: open it, then paste its text</source>
            <translation>{name} est protégé par un mot de passe : ouvrez-le, puis collez son texte</translation>
        </message>
        <message>
            <source>{name} has {count} pages: too long for an article (limit {limit})</source>
            <translation>{name} a {count} pages : trop long pour un article (limite {limit})</translation>
        </message>
        <message>
            <source>{name} is not a readable PDF ({reason})</source>
            <translation>{name} n'est pas un PDF lisible ({reason})</translation>
        </message>
        <message>
            <source>set your organisation's name first (Settings › General, or crible export --org-name NAME --org-url URL): a ClaimReview must name its author</source>
            <translation>indiquez d'abord le nom de votre organisation (Paramètres › Général, ou crible export --org-name NOM --org-url URL) : un ClaimReview doit nommer son auteur</translation>
        </message>
        <message>
            <source>claim {claim} has no verdict yet</source>
            <translation>l'affirmation {claim} n'a pas encore de verdict</translation>
        </message>
        <message>
            <source>{service} rejected the search (HTTP {status})</source>
            <translation>{service} a refusé la recherche (HTTP {status})</translation>
        </message>
        <message>
            <source>No {service} API key is stored: add it in Settings or run `crible secrets set google_factcheck_api_key`.</source>
            <translation>Aucune clé d'API {service} n'est enregistrée : ajoutez-la dans les Paramètres ou lancez `crible secrets set google_factcheck_api_key`.</translation>
        </message>
        <message>
            <source>Type some text to search for, or a publisher site to filter by.</source>
            <translation>Saisissez un texte à chercher, ou le site d'un éditeur pour filtrer.</translation>
        </message>
        <message>
            <source>The page size must be at least 1.</source>
            <translation>La taille de page doit être d'au moins 1.</translation>
        </message>
        <message>
            <source>The maximum age must be at least one day.</source>
            <translation>L'ancienneté maximale doit être d'au moins un jour.</translation>
        </message>
        <message>
            <source>The {service} API key is not valid: check it in Settings.</source>
            <translation>La clé d'API {service} n'est pas valide : vérifiez-la dans les Paramètres.</translation>
        </message>
        <message>
            <source>The Fact Check Tools API is not enabled for this key's Google Cloud project: enable it in the Google Cloud console.</source>
            <translation>L'API Fact Check Tools n'est pas activée pour le projet Google Cloud de cette clé : activez-la dans la console Google Cloud.</translation>
        </message>
        <message>
            <source>{service} refused the API key (HTTP {status}): check its restrictions.</source>
            <translation>{service} a refusé la clé d'API (HTTP {status}) : vérifiez ses restrictions.</translation>
        </message>
        <message>
            <source>The {service} quota is used up for now; try again later.</source>
            <translation>Le quota {service} est épuisé pour l'instant ; réessayez plus tard.</translation>
        </message>
        <message>
            <source>{service} failed (HTTP {status}); try again later.</source>
            <translation>{service} a échoué (HTTP {status}) ; réessayez plus tard.</translation>
        </message>
        <message>
            <source>{service} rejected the search (HTTP {status}): {message}</source>
            <translation>{service} a refusé la recherche (HTTP {status}) : {message}</translation>
        </message>
        <message>
            <source>{service} did not answer within {timeout} s; try again.</source>
            <translation>{service} n'a pas répondu en {timeout} s ; réessayez.</translation>
        </message>
        <message>
            <source>{service} is unreachable: are you offline?</source>
            <translation>{service} est injoignable : êtes-vous hors ligne ?</translation>
        </message>
        <message>
            <source>{service} could not be reached ({error}).</source>
            <translation>{service} est injoignable ({error}).</translation>
        </message>
        <message>
            <source>the import stopped: the archive {path} was replaced (restored from a backup, or another file moved in) after {imported} records were imported; nothing more was written: import again into the archive as it is now</source>
            <translation>l’import s’est arrêté : l’archive {path} a été remplacée (restaurée depuis une sauvegarde, ou un autre fichier mis à sa place) après {imported} enregistrements importés ; rien de plus n’a été écrit : importez de nouveau dans l’archive telle qu’elle est maintenant</translation>
        </message>
        <message>
            <source>the import stopped: {reason}; {imported} records were imported before it (whole batches, all sound); importing the same files again adds only the rest</source>
            <translation>l’import s’est arrêté : {reason} ; {imported} enregistrements avaient été importés avant (par lots entiers, tous sains) ; importer de nouveau les mêmes fichiers n’ajoute que le reste</translation>
        </message>
        <message>
            <source>organisation</source>
            <translation>organisation</translation>
        </message>
        <message>
            <source>verdict</source>
            <translation>verdict</translation>
        </message>
        <message>
            <source>review URL</source>
            <translation>adresse de la vérification</translation>
        </message>
        <message>
            <source>claim reviewed</source>
            <translation>affirmation vérifiée</translation>
        </message>
        <message>
            <source>article URL</source>
            <translation>adresse de l'article</translation>
        </message>
        <message>
            <source>headline</source>
            <translation>titre</translation>
        </message>
        <message>
            <source>reviewer</source>
            <translation>vérificateur</translation>
        </message>
        <message>
            <source>claimant</source>
            <translation>auteur</translation>
        </message>
        <message>
            <source>organisation URL</source>
            <translation>adresse de l'organisation</translation>
        </message>
        <message>
            <source>no claim of article {article} has a verdict yet: nothing to publish</source>
            <translation>aucune affirmation de l'article {article} n'a encore de verdict : rien à publier</translation>
        </message>
        <message>
            <source>no readable text found on {url}</source>
            <translation>aucun texte lisible trouvé sur {url}</translation>
        </message>
        <message>
            <source>{url} is not a web page ({kind}); no text was kept</source>
            <translation>{url} n'est pas une page web ({kind}) ; aucun texte n'a été gardé</translation>
        </message>
        <message>
            <source>unknown type</source>
            <translation>type inconnu</translation>
        </message>
        <message>
            <source>The Wayback Machine</source>
            <translation>La Wayback Machine</translation>
        </message>
        <message>
            <source>the page was not found (HTTP 404)</source>
            <translation>la page est introuvable (HTTP 404)</translation>
        </message>
        <message>
            <source>the site refused access (HTTP 403)</source>
            <translation>le site a refusé l'accès (HTTP 403)</translation>
        </message>
        <message>
            <source>the site blocks the Internet Archive</source>
            <translation>le site bloque Internet Archive</translation>
        </message>
        <message>
            <source>the address is on the Internet Archive's block list</source>
            <translation>l'adresse figure sur la liste de blocage d'Internet Archive</translation>
        </message>
        <message>
            <source>the site's host name does not resolve</source>
            <translation>le nom d'hôte du site ne se résout pas</translation>
        </message>
        <message>
            <source>the address is not valid</source>
            <translation>l'adresse n'est pas valide</translation>
        </message>
        <message>
            <source>this page was already captured too many times today</source>
            <translation>cette page a déjà été capturée trop de fois aujourd'hui</translation>
        </message>
        <message>
            <source>too many captures are running for this account; wait a minute</source>
            <translation>trop de captures sont en cours pour ce compte ; attendez une minute</translation>
        </message>
        <message>
            <source>the site is rate-limiting the Internet Archive; try again soon</source>
            <translation>le site limite le débit d'Internet Archive ; réessayez bientôt</translation>
        </message>
        <message>
            <source>the page requires a login</source>
            <translation>la page demande une connexion</translation>
        </message>
        <message>
            <source>the site did not answer in time</source>
            <translation>le site n'a pas répondu à temps</translation>
        </message>
        <message>
            <source>the site is unavailable (HTTP 503)</source>
            <translation>le site est indisponible (HTTP 503)</translation>
        </message>
        <message>
            <source>the capture took too long and was stopped</source>
            <translation>la capture a pris trop de temps et a été arrêtée</translation>
        </message>
        <message>
            <source>{service} could not archive the page: {reason}.</source>
            <translation>{service} n'a pas pu archiver la page : {reason}.</translation>
        </message>
        <message>
            <source>No Internet Archive keys are stored: add the access key and secret key in Settings (from archive.org/account/s3.php).</source>
            <translation>Aucune clé Internet Archive n'est enregistrée : ajoutez la clé d'accès et la clé secrète dans les Paramètres (depuis archive.org/account/s3.php).</translation>
        </message>
        <message>
            <source>Only web pages (http or https) can be archived, not {url}.</source>
            <translation>Seules les pages web (http ou https) peuvent être archivées, pas {url}.</translation>
        </message>
        <message>
            <source>{service} refused the Internet Archive keys (HTTP {status}): check them in Settings.</source>
            <translation>{service} a refusé les clés Internet Archive (HTTP {status}) : vérifiez-les dans les Paramètres.</translation>
        </message>
        <message>
            <source>{service} is limiting captures for now; try again in a few minutes.</source>
            <translation>{service} limite les captures pour l'instant ; réessayez dans quelques minutes.</translation>
        </message>
        <message>
            <source>{service} is not available (HTTP {status}); try again later.</source>
            <translation>{service} n'est pas disponible (HTTP {status}) ; réessayez plus tard.</translation>
        </message>
        <message>
            <source>{service} rejected the request (HTTP {status}).</source>
            <translation>{service} a refusé la requête (HTTP {status}).</translation>
        </message>
        <message>
            <source>{service} reported success without a capture address.</source>
            <translation>{service} a annoncé un succès sans adresse de capture.</translation>
        </message>
        <message>
            <source>{service} sent an unexpected account status.</source>
            <translation>{service} a envoyé un état de compte inattendu.</translation>
        </message>
        <message>
            <source>{service} did not answer in time; try again later.</source>
            <translation>{service} n'a pas répondu à temps ; réessayez plus tard.</translation>
        </message>
        <message>
            <source>{service} had not finished the capture after {timeout} s; try again later.</source>
            <translation>{service} n'avait pas fini la capture après {timeout} s ; réessayez plus tard.</translation>
        </message>
        <message>
            <source>Archiving was cancelled.</source>
            <translation>L'archivage a été annulé.</translation>
        </message>
        <message>
            <source>the capture failed</source>
            <translation>la capture a échoué</translation>
        </message>
        <message>
            <source>{url} sends too slowly: gave up after {seconds} s</source>
            <translation>{url} envoie trop lentement : abandon après {seconds} s</translation>
        </message>
        <message>
            <source>not a web address (http or https only): {url}</source>
            <translation>pas une adresse web (http ou https seulement) : {url}</translation>
        </message>
        <message>
            <source>{url} is too large ({size} MB or more)</source>
            <translation>{url} est trop volumineux ({size} Mo ou plus)</translation>
        </message>
        <message>
            <source>{service} sent an unexpected answer.</source>
            <translation>{service} a envoyé une réponse inattendue.</translation>
        </message>
        <message>
            <source>{url} sends too slowly: gave up</source>
            <translation>{url} envoie trop lentement : abandon</translation>
        </message>
        <message>
            <source>{url} is larger than {limit} MB</source>
            <translation>{url} dépasse {limit} Mo</translation>
        </message>
        <message>
            <source>{service} sent an answer that is not JSON.</source>
            <translation>{service} a envoyé une réponse qui n'est pas du JSON.</translation>
        </message>
        <message>
            <source>{url} did not answer within {timeout} s</source>
            <translation>{url} n'a pas répondu en {timeout} s</translation>
        </message>
        <message>
            <source>could not connect to {url}</source>
            <translation>connexion impossible à {url}</translation>
        </message>
        <message>
            <source>{url} redirects too many times</source>
            <translation>{url} redirige trop de fois</translation>
        </message>
        <message>
            <source>could not fetch {url}: {error}</source>
            <translation>impossible de récupérer {url} : {error}</translation>
        </message>
        <message>
            <source>{url} answered HTTP {status}</source>
            <translation>{url} a répondu HTTP {status}</translation>
        </message>
        <message>
            <source>No usable system keyring (such as GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager) was found; keys can be kept for this session only, in memory.</source>
            <translation>Aucun trousseau système utilisable (GNOME Keyring, KWallet, trousseau macOS ou Gestionnaire d'identification Windows) n'a été trouvé ; les clés peuvent être gardées en mémoire pour cette session seulement.</translation>
        </message>
        <message>
            <source>The keyring is disabled (null backend). No usable system keyring (such as GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager) was found; keys can be kept for this session only, in memory.</source>
            <translation>Le trousseau est désactivé (backend null). Aucun trousseau système utilisable (GNOME Keyring, KWallet, trousseau macOS ou Gestionnaire d'identification Windows) n'a été trouvé ; les clés peuvent être gardées en mémoire pour cette session seulement.</translation>
        </message>
        <message>
            <source>Google Fact Check Tools API key</source>
            <translation>clé d'API Google Fact Check Tools</translation>
        </message>
        <message>
            <source>Internet Archive S3 access key</source>
            <translation>clé d'accès S3 Internet Archive</translation>
        </message>
        <message>
            <source>Internet Archive S3 secret key</source>
            <translation>clé secrète S3 Internet Archive</translation>
        </message>
        <message>
            <source>team database password</source>
            <translation>mot de passe de la base de l’équipe</translation>
        </message>
        <message>
            <source>Unknown secret name ({length} characters, not shown); known names: {known}.</source>
            <translation>Nom de clé inconnu ({length} caractères, non affiché) ; noms connus : {known}.</translation>
        </message>
        <message>
            <source>The {key} is empty; nothing was stored.</source>
            <translation>La {key} est vide ; rien n'a été enregistré.</translation>
        </message>
        <message>
            <source>The {key} must be a single line; nothing was stored.</source>
            <translation>La {key} doit tenir sur une ligne ; rien n'a été enregistré.</translation>
        </message>
        <message>
            <source>No {key} is stored: add it in Settings or run `crible secrets set {name}`.</source>
            <translation>Aucune {key} n'est enregistrée : ajoutez-la dans les Paramètres ou lancez `crible secrets set {name}`.</translation>
        </message>
        <message>
            <source>Keys are kept in memory for this session only.</source>
            <translation>Les clés sont gardées en mémoire pour cette session seulement.</translation>
        </message>
        <message>
            <source>The system keyring could not be read ({error}); is it locked?</source>
            <translation>Le trousseau système n'a pas pu être lu ({error}) ; est-il verrouillé ?</translation>
        </message>
        <message>
            <source>The system keyring refused to store the key ({error}).</source>
            <translation>Le trousseau système a refusé d'enregistrer la clé ({error}).</translation>
        </message>
        <message>
            <source>The system keyring refused to remove the key ({error}).</source>
            <translation>Le trousseau système a refusé de supprimer la clé ({error}).</translation>
        </message>
        <message>
            <source>no article {article} in this archive</source>
            <translation>pas d'article {article} dans cette archive</translation>
        </message>
        <message>
            <source>the article's URL must be an http(s) address, not {url}</source>
            <translation>l'adresse de l'article doit être en http(s), pas {url}</translation>
        </message>
        <message>
            <source>not a date: {value} (expected YYYY-MM-DD)</source>
            <translation>pas une date : {value} (attendu : AAAA-MM-JJ)</translation>
        </message>
        <message>
            <source>the archive {path} is damaged ({problem}); no backup was made and the earlier ones are kept: see `crible archive check`</source>
            <translation>l’archive {path} est endommagée ({problem}) ; aucune sauvegarde n’a été faite et les précédentes sont gardées : voir `crible archive check`</translation>
        </message>
        <message>
            <source>cannot write the backup {path}: {reason}</source>
            <translation>impossible d'écrire la sauvegarde {path} : {reason}</translation>
        </message>
        <message>
            <source>a claim cannot be empty</source>
            <translation>une affirmation ne peut pas être vide</translation>
        </message>
        <message>
            <source>the review URL must be an http(s) address, not {url}</source>
            <translation>l'adresse de la vérification doit être en http(s), pas {url}</translation>
        </message>
        <message>
            <source>no claim {claim} in this archive</source>
            <translation>pas d'affirmation {claim} dans cette archive</translation>
        </message>
        <message>
            <source>claim {claim} was changed elsewhere since ({fields}); the undo (or redo) was refused so that change is kept</source>
            <translation>l’affirmation {claim} a été modifiée ailleurs depuis ({fields}) ; l’annulation (ou le rétablissement) a été refusée pour garder cette modification</translation>
        </message>
        <message>
            <source>cannot open the archive {path}: {reason}</source>
            <translation>impossible d'ouvrir l'archive {path} : {reason}</translation>
        </message>
        <message>
            <source>the archive {path} is busy in another program; try again</source>
            <translation>l'archive {path} est occupée par un autre programme ; réessayez</translation>
        </message>
        <message>
            <source>{path} is not a readable Crible archive ({reason}); it was left untouched</source>
            <translation>{path} n'est pas une archive Crible lisible ({reason}) ; elle n'a pas été modifiée</translation>
        </message>
        <message>
            <source>the archive {path} is read-only</source>
            <translation>l'archive {path} est en lecture seule</translation>
        </message>
        <message>
            <source>the archive {path} was replaced (restored from a backup, or another file moved in its place) since it was opened; nothing was written: open it again</source>
            <translation>l’archive {path} a été remplacée (restaurée depuis une sauvegarde, ou un autre fichier mis à sa place) depuis son ouverture ; rien n’a été écrit : rouvrez-la</translation>
        </message>
        <message>
            <source>{path} is a folder, not an archive file</source>
            <translation>{path} est un dossier, pas un fichier d'archive</translation>
        </message>
        <message>
            <source>the archive {path} needs an upgrade but its folder is read-only; copy it to a folder you can write to</source>
            <translation>l'archive {path} doit être mise à niveau mais son dossier est en lecture seule ; copiez-la dans un dossier où vous pouvez écrire</translation>
        </message>
        <message>
            <source>cannot create the folder for {path}: {reason}</source>
            <translation>impossible de créer le dossier de {path} : {reason}</translation>
        </message>
        <message>
            <source>not a domain name: {domain}</source>
            <translation>pas un nom de domaine : {domain}</translation>
        </message>
        <message>
            <source>a domain rating cannot be empty</source>
            <translation>l'évaluation d'un domaine ne peut pas être vide</translation>
        </message>
        <message>
            <source>the archive {path} is damaged ({reason}); `crible archive check` lists what, `crible archive recover -o NEW.db` saves what can be read (docs/RELIABILITY.md)</source>
            <translation>l’archive {path} est endommagée ({reason}) ; `crible archive check` dit où, `crible archive recover -o NOUVELLE.db` sauve ce qui peut être lu (docs/RELIABILITY.md)</translation>
        </message>
        <message>
            <source>could not write to the archive: the disk is full or failing ({error}); that change was not saved, the ones before it are safe</source>
            <translation>impossible d'écrire dans l'archive : le disque est plein ou défaillant ({error}) ; cette modification n'a pas été enregistrée, les précédentes sont en sécurité</translation>
        </message>
        <message>
            <source>the archive is read-only (its file or its disk); nothing was changed</source>
            <translation>l'archive est en lecture seule (son fichier ou son disque) ; rien n'a été modifié</translation>
        </message>
        <message>
            <source>the archive is busy in another program (another Crible?); nothing was changed, try again</source>
            <translation>l'archive est occupée par un autre programme (un autre Crible ?) ; rien n'a été modifié, réessayez</translation>
        </message>
        <message>
            <source>the disk is full or failing</source>
            <translation>le disque est plein ou défaillant</translation>
        </message>
        <message>
            <source>the archive is read-only</source>
            <translation>l’archive est en lecture seule</translation>
        </message>
        <message>
            <source>another program kept the archive locked longer than the wait</source>
            <translation>un autre programme a gardé l’archive verrouillée plus longtemps que l’attente</translation>
        </message>
        <message>
            <source>a claim cannot be linked to itself</source>
            <translation>une affirmation ne peut pas être liée à elle-même</translation>
        </message>
        <message>
            <source>{path} already exists; name a new file</source>
            <translation>{path} existe déjà ; donnez le nom d’un nouveau fichier</translation>
        </message>
        <message>
            <source>no archive at {path}</source>
            <translation>aucune archive à {path}</translation>
        </message>
        <message>
            <source>the backup is the archive itself</source>
            <translation>la sauvegarde est l'archive elle-même</translation>
        </message>
        <message>
            <source>the archive {path} is open in another program (the window, an import, a script); close it there, then restore: nothing was changed</source>
            <translation>l’archive {path} est ouverte dans un autre programme (la fenêtre, un import, un script) ; fermez-la là, puis restaurez : rien n’a été modifié</translation>
        </message>
        <message>
            <source>no rating scale {scale}</source>
            <translation>pas d'échelle de cotation {scale}</translation>
        </message>
        <message>
            <source>this archive has no rating scale</source>
            <translation>cette archive n'a pas d'échelle de cotation</translation>
        </message>
        <message>
            <source>no rating level {level}</source>
            <translation>pas de niveau de cotation {level}</translation>
        </message>
        <message>
            <source>each level needs a distinct, non-empty key</source>
            <translation>chaque niveau demande une clé distincte et non vide</translation>
        </message>
        <message>
            <source>level {key}: value must be between 0 and 1</source>
            <translation>niveau {key} : la valeur doit être comprise entre 0 et 1</translation>
        </message>
        <message>
            <source>level {key} needs a French and an English label</source>
            <translation>le niveau {key} demande un libellé en français et en anglais</translation>
        </message>
        <message>
            <source>{path} was written by a newer Crible (schema {schema}); update Crible to open it</source>
            <translation>{path} a été écrit par une version plus récente de Crible (schéma {schema}) ; mettez Crible à jour pour l'ouvrir</translation>
        </message>
        <message>
            <source>only http(s) addresses can be sources, not {url}</source>
            <translation>seules les adresses http(s) peuvent être des sources, pas {url}</translation>
        </message>
        <message>
            <source>no source link {link} in this archive</source>
            <translation>pas de lien de source {link} dans cette archive</translation>
        </message>
        <message>
            <source>no source {source} in this archive</source>
            <translation>pas de source {source} dans cette archive</translation>
        </message>
        <message>
            <source>not a valid web address: {url}</source>
            <translation>adresse web non valide : {url}</translation>
        </message>
        <message>
            <source>this source is already linked to the claim</source>
            <translation>cette source est déjà liée à l'affirmation</translation>
        </message>
        <message>
            <source>only claims of an article can be split or merged</source>
            <translation>seules les affirmations d'un article peuvent être scindées ou fusionnées</translation>
        </message>
        <message>
            <source>split the claim at a point inside its text</source>
            <translation>scindez l'affirmation à un point situé dans son texte</translation>
        </message>
        <message>
            <source>only two claims of the same article can be merged</source>
            <translation>seules deux affirmations du même article peuvent être fusionnées</translation>
        </message>
        <message>
            <source>no open conflict {id}</source>
            <translation>aucun conflit ouvert {id}</translation>
        </message>
        <message>
            <source>this database is not a Crible team yet: run `crible team create URL`</source>
            <translation>cette base n’est pas encore une équipe Crible : lancez `crible team create URL`</translation>
        </message>
        <message>
            <source>the team database has schema {found}, newer than this Crible's {known}; update Crible</source>
            <translation>la base de l’équipe a le schéma {found}, plus récent que celui de ce Crible ({known}) ; mettez Crible à jour</translation>
        </message>
        <message>
            <source>the team database has an older schema ({found}); the desk's admin runs `crible team create URL` to upgrade it</source>
            <translation>la base de l’équipe a un schéma plus ancien ({found}) ; l’administrateur de la rédaction lance `crible team create URL` pour la mettre à jour</translation>
        </message>
        <message>
            <source>this login may not read the team database; the desk's admin grants it with GRANT crible_checker TO your_login</source>
            <translation>cet identifiant ne peut pas lire la base de l’équipe ; l’administrateur l’autorise avec GRANT crible_checker TO votre_identifiant</translation>
        </message>
        <message>
            <source>cannot reach the team server {server} ({reason}); your work is kept and will sync later</source>
            <translation>impossible de joindre le serveur de l’équipe {server} ({reason}) ; votre travail est gardé et sera synchronisé plus tard</translation>
        </message>
        <message>
            <source>a team address starts with postgresql://, not {url}</source>
            <translation>une adresse d’équipe commence par postgresql://, pas {url}</translation>
        </message>
        <message>
            <source>the team address names no database (postgresql://host/DATABASE)</source>
            <translation>l’adresse de l’équipe ne nomme aucune base (postgresql://hôte/BASE)</translation>
        </message>
        <message>
            <source>the team server {server} refused the login; nothing was changed locally</source>
            <translation>le serveur de l’équipe {server} a refusé la connexion ; rien n’a été modifié localement</translation>
        </message>
        <message>
            <source>the team server {server} cannot give the secure connection its address asks for ({reason}); nothing was changed locally</source>
            <translation>le serveur de l’équipe {server} ne peut pas fournir la connexion sécurisée demandée par l’adresse ({reason}) ; rien n’a été modifié localement</translation>
        </message>
        <message>
            <source>not a valid PostgreSQL address: {url}</source>
            <translation>adresse PostgreSQL non valide : {url}</translation>
        </message>
        <message>
            <source>this archive is in no team: run `crible team join URL --as NAME`</source>
            <translation>cette archive n’est dans aucune équipe : lancez `crible team join URL --as NOM`</translation>
        </message>
        <message>
            <source>the team server {server} failed during the sync ({reason}); nothing was lost: run the sync again</source>
            <translation>le serveur de l’équipe {server} a échoué pendant la synchronisation ({reason}) ; rien n’est perdu : relancez la synchronisation</translation>
        </message>
        <message>
            <source>this archive already syncs with {server}; use another archive for another team</source>
            <translation>cette archive se synchronise déjà avec {server} ; utilisez une autre archive pour une autre équipe</translation>
        </message>
        <message>
            <source>a checker's name is 1 to 80 characters, not {name}</source>
            <translation>le nom d’un vérificateur fait de 1 à 80 caractères, pas {name}</translation>
        </message>
        <message>
            <source>the organisation's address must be http(s), not {url}</source>
            <translation>l'adresse de l'organisation doit être en http(s), pas {url}</translation>
        </message>
        <message>
            <source>--claim counts from 1</source>
            <translation>--claim compte à partir de 1</translation>
        </message>
        <message>
            <source>the window did not finish loading in time; no screenshot written</source>
            <translation>la fenêtre n'a pas fini de se charger à temps ; aucune capture écrite</translation>
        </message>
        <message>
            <source>no display to open the window on (DISPLAY is not set)</source>
            <translation>aucun écran où ouvrir la fenêtre (DISPLAY n'est pas défini)</translation>
        </message>
        <message>
            <source>cannot write {path}: Qt could not encode the PNG</source>
            <translation>impossible d'écrire {path} : Qt n'a pas pu encoder le PNG</translation>
        </message>
        <message>
            <source>no Google Fact Check Tools key</source>
            <translation>aucune clé Google Fact Check Tools</translation>
        </message>
    </context>
</TS>
