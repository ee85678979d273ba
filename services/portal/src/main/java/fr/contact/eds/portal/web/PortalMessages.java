package fr.contact.eds.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The portal's words, French first; English in {@code messages/msg_en.properties}. Templates read {@code msg:}. */
@MessageBundle(value = "msg", locale = "fr")
public interface PortalMessages {

    // @formatter:off
    @Message("Aller au contenu") String skip_to_content();
    @Message("entrepôt de données de santé des soins non programmés") String brand_tagline();
    @Message("English") String other_language();
    @Message("Navigation principale") String nav_label();
    @Message("Accueil") String nav_home();
    @Message("Registre des projets") String nav_projects();
    @Message("Jeux de données") String nav_datasets();
    @Message("Statistiques") String nav_statistics();
    @Message("Vos droits") String nav_rights();
    @Message("Mon espace") String nav_me();
    @Message("Accessibilité : partiellement conforme") String nav_accessibility();
    @Message("CONTACT EDS réunit les données des soins non programmés des associations de médecins de garde, pseudonymisées, pour la recherche autorisée et la surveillance sanitaire.") String footer_about();

    @Message("Les soins de garde au service de la recherche, sous votre contrôle") String home_title();
    @Message("Quand vous appelez un médecin de garde la nuit, le week-end ou un jour férié, l'association enregistre votre appel, la visite ou la consultation. CONTACT conserve ces données sans votre nom et ne les confie qu'à des projets de recherche approuvés par un comité où siègent des patients. Vous pouvez vous y opposer à tout moment.") String home_lead();
    @Message("Vos droits, en clair") String home_rights_heading();
    @Message("Vous opposer") String home_right_object_title();
    @Message("Refusez que vos données servent à la recherche, à toutes les études ou à une seule, sans vous justifier.") String home_right_object();
    @Message("Changer d'avis") String home_right_change_title();
    @Message("Retirez votre opposition quand vous le souhaitez, aussi simplement.") String home_right_change();
    @Message("Savoir qui a consulté") String home_right_see_title();
    @Message("Chaque accès à vos données est tracé : vous voyez qui, quand et pourquoi.") String home_right_see();
    @Message("Demander l'effacement") String home_right_erase_title();
    @Message("Faites rendre vos données définitivement illisibles. C'est irréversible.") String home_right_erase();
    @Message("Comment exercer vos droits") String home_how_to_object();
    @Message("En chiffres") String home_figures_heading();
    @Message("projets de recherche au registre") String home_figure_projects();
    @Message("jeux de données décrits") String home_figure_datasets();
    @Message("épisodes de soins sur les douze derniers mois") String home_figure_episodes();
    @Message("Les effectifs inférieurs à 11 ne sont jamais publiés ; le total des épisodes ne les compte pas.") String home_figures_note();
    @Message("Les chiffres sont momentanément indisponibles.") String home_figures_unavailable();
    @Message("Consulter le registre des projets") String home_see_register();
    @Message("Voir les statistiques") String home_see_statistics();

    @Message("Registre des projets de recherche") String register_title();
    @Message("Chaque projet qui reçoit des données de CONTACT figure ici : qui le mène, pour quoi, avec quelles données, quand le comité l'a autorisé et ce qu'il a trouvé. Vous pouvez vous opposer à un projet depuis sa page.") String register_lead();
    @Message("Rechercher") String register_filter_text();
    @Message("Statut") String register_filter_status();
    @Message("Tous") String register_filter_any();
    @Message("Année de décision") String register_filter_year();
    @Message("Jeu de données") String register_filter_theme();
    @Message("Filtrer") String register_filter_submit();
    @Message("{#when count}{#is 0}Aucun projet ne correspond.{#is 1}1 projet{#else}{count} projets{/when}") String register_count(int count);
    @Message("autorisé le") String register_decided_on();
    @Message("{#when state}{#is 'APPROVED'}Autorisé{#is 'ACTIVE'}En cours{#is 'CLOSED'}Terminé{#else}{state}{/when}") String state(String state);
    @Message("Tous les projets") String register_back();
    @Message("Objectif") String project_purpose();
    @Message("Le projet en détail") String project_facts();
    @Message("Organisme responsable") String project_organisation();
    @Message("Destinataires des données") String project_recipients();
    @Message("Base légale") String project_legal_basis();
    @Message("Jeux de données") String project_datasets();
    @Message("Variables transmises") String project_variables();
    @Message("Période des soins concernés") String project_care_period();
    @Message("Décision du comité (CSE)") String project_decision();
    @Message("Autorisation valable jusqu'au") String project_permit_until();
    @Message("Fin prévue du projet") String project_end();
    @Message("Publications prévues") String project_publications();
    @Message("Résultats") String project_results();
    @Message("Pas encore de résultats publiés.") String project_no_results();
    @Message("Vous ne voulez pas participer ?") String project_object_heading();
    @Message("Vous pouvez refuser que vos données servent à cette étude, sans vous justifier. Vos autres choix ne changent pas.") String project_object_text();
    @Message("Je m'oppose à cette étude") String project_object_button();

    @Message("Service momentanément indisponible") String error_unavailable_title();
    @Message("Requête incorrecte") String error_bad_request_title();
    @Message("Page introuvable") String error_not_found_title();
    @Message("Accès refusé") String error_forbidden_title();
    @Message("Cette page est réservée à un autre rôle, ou le formulaire a expiré : revenez à la page précédente, rechargez-la et recommencez.") String error_forbidden();
    @Message("Une partie du système ne répond pas pour l'instant. Réessayez dans quelques instants ; vos demandes déjà confirmées sont enregistrées.") String error_unavailable();
    @Message("Le paramètre « {parameter} » n'a pas pu être lu. Vérifiez sa valeur (les dates s'écrivent AAAA-MM-JJ).") String error_bad_parameter(String parameter);
    @Message("Cette page n'existe pas ou n'est pas publique.") String error_not_found();
    @Message("Code {status}") String error_status(Integer status);
    @Message("Retour à l'accueil") String error_home();

    @Message("Jeux de données") String datasets_title();
    @Message("Les données que CONTACT met à la disposition des projets autorisés, décrites selon le standard européen HealthDCAT-AP. Les effectifs sont calculés au moment de votre visite.") String datasets_lead();
    @Message("Pour les machines :") String datasets_machine();
    @Message("La revue annuelle de cette description est en retard.") String datasets_review_overdue();
    @Message("Éditeur") String datasets_publisher();
    @Message("Enregistrements") String datasets_records();
    @Message("Personnes distinctes") String datasets_individuals();
    @Message("Période couverte") String datasets_coverage();
    @Message("Systèmes de codage") String datasets_coding();
    @Message("Droits d'accès") String datasets_access();
    @Message("{#when code}{#is 'PUBLIC'}public{#is 'RESTRICTED'}restreint (sur autorisation du comité){#is 'NON_PUBLIC'}non public{#else}{code}{/when}") String access_right(String code);
    @Message("Base légale") String datasets_legal_basis();
    @Message("Finalité") String datasets_purpose();
    @Message("Conservation") String datasets_retention();
    @Message("Dernière revue") String datasets_reviewed();

    @Message("Statistiques des soins non programmés") String statistics_title();
    @Message("Nombre d'épisodes de soins (appel, visite, consultation, téléconsultation), hors patients opposés, par mois, modalité, tranche d'âge et département.") String statistics_lead();
    @Message("Du") String statistics_from();
    @Message("Au (exclu)") String statistics_to();
    @Message("Afficher") String statistics_show();
    @Message("Pour protéger les personnes, un effectif de 1 à 10 est affiché « < 11 » et n'est jamais publié.") String statistics_small_cells();
    @Message("Épisodes par mois") String statistics_by_month();
    @Message("Diagramme en barres du nombre d'épisodes par mois ; les mêmes valeurs figurent dans le tableau qui suit.") String statistics_chart_desc();
    @Message("Épisodes par {#when dimension}{#is 'month'}mois{#is 'modality'}modalité{#is 'ageBand'}tranche d'âge{#is 'departement'}département{#else}{dimension}{/when}") String statistics_caption(String dimension);
    @Message("télécharger en CSV") String statistics_csv();
    @Message("{#when dimension}{#is 'month'}Mois{#is 'modality'}Modalité{#is 'ageBand'}Tranche d'âge{#is 'departement'}Département{#else}{dimension}{/when}") String dimension(String dimension);
    @Message("Épisodes") String statistics_episodes();
    // @formatter:on
}
