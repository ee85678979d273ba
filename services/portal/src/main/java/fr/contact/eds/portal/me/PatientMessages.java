package fr.contact.eds.portal.me;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The patient space's words, French first; English in {@code messages/me_en.properties}. Templates read {@code me:}. */
@MessageBundle(value = "me", locale = "fr")
public interface PatientMessages {

    // @formatter:off
    @Message("Mon espace") String title();
    @Message("Connecté·e : {name}") String signed_in_as(String name);
    @Message("Se déconnecter") String sign_out();
    @Message("Ma situation") String status_heading();
    @Message("Vous vous opposez à toute réutilisation de vos données : elles ne servent à aucune recherche ni à aucune autre finalité secondaire.") String status_opposed();
    @Message("Vos données peuvent servir aux projets de recherche autorisés par le comité. Vous pouvez vous y opposer à tout moment, sans vous justifier.") String status_not_opposed();
    @Message("Votre opposition vaut pour toutes les études, présentes et futures. Vous pouvez la retirer quand vous le souhaitez.") String withdraw_text();
    @Message("Retirer mon opposition") String withdraw_button();
    @Message("Refuser toute réutilisation : vos données ne serviront plus à la recherche, et celles qui arrivent désormais ne sont pas conservées. Vous pourrez changer d'avis.") String oppose_text();
    @Message("Je m'oppose à toute réutilisation") String oppose_button();
    @Message("Mes oppositions à un projet") String projects_heading();
    @Message("Vous ne vous opposez à aucun projet en particulier.") String projects_none();
    @Message("Retirer cette opposition") String project_withdraw_button();
    @Message("Choisir un projet dans le registre") String projects_register();
    @Message("Aller plus loin") String more_heading();
    @Message("Qui a consulté mes données") String accesses_link();
    @Message("Agir pour mon enfant mineur") String child_link();
    @Message("Demander l'effacement de mes données") String erasure_link();
    @Message("Historique de mes décisions") String history_heading();
    @Message("Aucune décision enregistrée.") String history_none();
    @Message("Chaque décision, de la plus ancienne à la plus récente") String history_caption();
    @Message("Date") String history_date();
    @Message("Décision") String history_decision();
    @Message("Canal") String history_channel();
    @Message("Référence") String history_reference();
    @Message("par un parent") String history_by_guardian();
    @Message("{#when decision}{#is 'opposition'}Opposition{#is 'withdrawal'}Retrait de l'opposition{#is 'erasure'}Effacement{#is 'project-opposition'}Opposition à un projet{#is 'project-withdrawal'}Retrait d'une opposition à un projet{#is 'erasure-request'}Demande d'effacement{#is 'erasure-request-refused'}Demande d'effacement refusée{#else}{decision}{/when}") String decision(String decision);
    @Message("{#when channel}{#is 'online'}en ligne{#is 'post'}par courrier{#else}{channel}{/when}") String channel(String channel);
    @Message("En savoir plus sur le projet") String project_details();
    @Message("Vous vous opposez déjà à ce projet.") String project_already_opposed();
    @Message("Confirmer mon opposition à cette étude") String project_confirm_button();

    @Message("Votre décision est enregistrée") String receipt_title();
    @Message("{#when status}{#is 'opposed'}{#if forChild}Les données de votre enfant{#else}Vos données{/if} ne seront plus réutilisées pour la recherche ni pour aucune autre finalité secondaire ; les données qui arrivent désormais ne sont pas conservées.{#is 'not-opposed'}{#if nothing}Rien à retirer : aucune opposition n'était enregistrée.{#else}L'opposition est retirée : {#if forChild}les données de votre enfant{#else}vos données{/if} peuvent de nouveau servir aux projets autorisés, à partir de maintenant.{/if}{#is 'opposed-to-project'}Le projet « {project} » n'utilisera pas {#if forChild}les données de votre enfant{#else}vos données{/if} : ses prochaines extractions les excluent. Les autres usages ne changent pas.{#is 'not-opposed-to-project'}{#if nothing}Rien à retirer : aucune opposition à « {project} » n'était enregistrée.{#else}L'opposition au projet « {project} » est retirée.{/if}{#is 'erased'}Vos données personnelles dans CONTACT (identité, âge, sexe) ne peuvent plus être lues par personne : leurs clés ont été détruites. Aucune nouvelle donnée n'est conservée : une opposition est en vigueur.{#is 'erasure-requested'}Rien n'est encore effacé. Effacer les données d'un enfant est irréversible : le bureau du délégué à la protection des données l'effectue dès qu'il a la preuve de votre autorité parentale. Écrivez-lui en citant la référence {reference}, avec une copie du livret de famille ou du jugement. D'ici là, les données de votre enfant ne sont pas réutilisées : une opposition est en vigueur.{#else}{status}{/when}") String receipt_covers(String status, boolean forChild, String project, boolean nothing, String reference);
    @Message("Cette décision était déjà en vigueur : rien n'a changé.") String receipt_repeated();
    @Message("Référence") String receipt_reference();
    @Message("Date d'effet") String receipt_effective();
    @Message("Projet") String receipt_project();
    @Message("Conservez cette référence : citez-la dans tout courrier. Vous pouvez imprimer cette page.") String receipt_keep();
    @Message("Retour à mon espace") String receipt_back();

    @Message("Demander l'effacement de mes données") String erasure_title();
    @Message("Attention : l'effacement est irréversible.") String erasure_irreversible();
    @Message("Les clés qui chiffrent vos données personnelles (identité, âge, sexe) seront détruites : plus personne, ni vous ni nous, ne pourra les lire ni vous les rendre. Les données de soins sans elles peuvent rester pour des statistiques anonymes, et aucune nouvelle donnée ne sera conservée.") String erasure_explained();
    @Message("Si vous voulez seulement que vos données ne servent pas à la recherche, l'opposition suffit, et elle se retire.") String erasure_alternative();
    @Message("Je comprends que l'effacement est définitif et ne peut pas être annulé.") String erasure_understood();
    @Message("Effacer définitivement mes données") String erasure_button();
    @Message("Annuler") String erasure_cancel();

    @Message("Qui a consulté mes données") String accesses_title();
    @Message("Chaque accès aux données de patients est inscrit dans un journal infalsifiable. Voici ceux qui concernent vos données : quand, par quel service, avec quel rôle et pour quelle finalité. Vos propres consultations y figurent aussi.") String accesses_lead();
    @Message("Aucun accès enregistré.") String accesses_none();
    @Message("Accès à vos données, du plus récent au plus ancien") String accesses_caption();
    @Message("Date") String accesses_when();
    @Message("Service") String accesses_service();
    @Message("Rôle") String accesses_role();
    @Message("Finalité") String accesses_purpose();
    @Message("Résultat") String accesses_outcome();
    @Message("Accès plus anciens") String accesses_next();

    @Message("Agir pour mon enfant mineur") String child_title();
    @Message("Parent ou tuteur, vous pouvez vous opposer pour votre enfant de moins de 18 ans, retirer cette opposition ou consulter sa situation. L'identité de l'enfant doit correspondre à celle de son état civil.") String child_lead();
    @Message("L'identité de votre enfant") String child_identity();
    @Message("Nom, prénom, date, sexe et commune de naissance (code INSEE), ou l'INS inscrit sur sa carte Vitale.") String child_identity_hint();
    @Message("{#when field}{#is 'familyName'}Nom de naissance{#is 'givenName'}Premier prénom{#is 'birthDate'}Date de naissance{#is 'sex'}Sexe{#is 'birthPlace'}Commune de naissance (code INSEE){#is 'ins'}INS (facultatif){#else}{field}{/when}") String child_field(String field);
    @Message("Féminin") String sex_female();
    @Message("Masculin") String sex_male();
    @Message("Demande refusée :") String child_refused();
    @Message("Voir sa situation") String child_status_button();
    @Message("M'opposer pour mon enfant") String child_oppose_button();
    @Message("Retirer l'opposition") String child_withdraw_button();
    @Message("Demander l'effacement") String child_erase_button();
    @Message("L'effacement des données d'un enfant est irréversible : il devient une demande que le bureau du délégué traite sur preuve de votre autorité parentale. D'ici là, ses données ne sont pas réutilisées.") String child_erase_note();
    @Message("Situation de votre enfant") String child_status_title();
    @Message("Votre enfant est opposé à toute réutilisation de ses données.") String child_status_opposed();
    @Message("Les données de votre enfant peuvent servir aux projets autorisés.") String child_status_not_opposed();
    @Message("Agir pour un enfant") String child_back();
    // @formatter:on
}
