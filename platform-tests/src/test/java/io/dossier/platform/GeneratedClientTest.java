package io.dossier.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.client.ApiClient;
import io.dossier.client.ApiException;
import io.dossier.client.api.ChangeFeedApi;
import io.dossier.client.api.EntitiesApi;
import io.dossier.client.api.ImportsApi;
import io.dossier.client.api.MentionsApi;
import io.dossier.client.api.RelationsApi;
import io.dossier.client.api.SearchApi;
import io.dossier.client.api.SourcesApi;
import io.dossier.client.model.ChangeDto;
import io.dossier.client.model.ChangePage;
import io.dossier.client.model.EntityDto;
import io.dossier.client.model.EntityRequest;
import io.dossier.client.model.EntityType;
import io.dossier.client.model.ImportItemPage;
import io.dossier.client.model.ImportJobDto;
import io.dossier.client.model.ImportStatus;
import io.dossier.client.model.MatchRequest;
import io.dossier.client.model.MatchResult;
import io.dossier.client.model.MentionRequest;
import io.dossier.client.model.MentionResult;
import io.dossier.client.model.NameKind;
import io.dossier.client.model.NameRequest;
import io.dossier.client.model.RelationDto;
import io.dossier.client.model.RelationRequest;
import io.dossier.client.model.RelationType;
import io.dossier.client.model.SearchResults;
import io.dossier.testinfra.Tokens;

/**
 * An integrator's first day, with nothing but the Java client generated from the API entry's document (module
 * api-client) and the integrator's client-credentials token: import JSON Lines and follow the job, find the sources,
 * match names, link a text, read an entity with its relations, and page through the change feed. An editor (through
 * the same client) registers the two actors first, as the integrator's role may not change the registry.
 */
@ExtendWith(PlatformExtension.class)
class GeneratedClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.setBasePath(Platform.GATEWAY);
        client.setBearerToken(token);
        return client;
    }

    @Test
    void anIntegratorWorksThroughTheGeneratedClient() throws Exception {
        String word = word();
        String group = "Liwa " + word + " al-Sabireen";
        String commander = "Abu " + word + " al-Basri";

        // the registry knows the two actors (an editor's work)
        ApiClient editor = client(Tokens.forUser(Tokens.EDITOR));
        EntitiesApi registry = new EntitiesApi(editor);
        EntityRequest brigadeRequest = new EntityRequest().type(EntityType.ORGANIZATION).primaryName(group)
                .description("An armed group invented for this test").addTagsItem("militia")
                .addNamesItem(new NameRequest().value("LWS " + word).kind(NameKind.ABBREVIATION));
        String key = UUID.randomUUID().toString();
        EntityDto brigade = registry.createEntity(brigadeRequest, key);
        // a retry with the same Idempotency-Key answers the same entity, no second one
        assertThat(registry.createEntity(brigadeRequest, key).getId()).isEqualTo(brigade.getId());
        EntityDto leader = registry.createEntity(new EntityRequest().type(EntityType.PERSON).primaryName(commander),
                null);
        new RelationsApi(editor).createRelation(new RelationRequest().subjectId(leader.getId())
                .objectId(brigade.getId()).type(RelationType.LEADER_OF).startDate("2021"), null);

        ApiClient integrator = client(Tokens.integrator());

        // import a JSON Lines batch and follow the job to its end
        File batch = Files.createTempFile("integrator-", ".jsonl").toFile();
        batch.deleteOnExit();
        Files.writeString(batch.toPath(), String.join("\n",
                line("Statement on the " + word + " convoy", group + " said its fighters stopped a convoy near "
                        + "Samarra; " + commander + " led the unit."),
                line("Brief: the " + word + " brigade's supply routes", "Analysts tie " + group
                        + " to smuggling routes along the border."),
                line("Market prices in " + word + " province", "Wheat and fuel prices rose again this week."))
                + "\n");
        ImportsApi imports = new ImportsApi(integrator);
        ImportJobDto job = imports.startImport(batch, null, List.of("integrator-test"));
        assertThat(job.getTotal()).isEqualTo(3);
        ImportJobDto done = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> imports.getImport(job.getId()),
                        j -> j.getStatus() == ImportStatus.COMPLETED || j.getStatus() == ImportStatus.FAILED);
        assertThat(done.getStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.getCreated()).isEqualTo(3);
        ImportItemPage items = imports.listImportItems(job.getId(), null, 10, null);
        assertThat(items.getItems()).hasSize(3).allSatisfy(item -> assertThat(item.getSourceId()).isNotNull());
        Set<UUID> imported = new HashSet<>();
        items.getItems().forEach(item -> imported.add(item.getSourceId()));
        assertThat(new SourcesApi(integrator).getSource(imported.iterator().next()).getTags())
                .contains("integrator-test");

        // find the sources: by the group's name, linked to the entity (a source linked before the linker had the
        // new names is linked again once it has them: the search waits for that too)
        SearchApi search = new SearchApi(integrator);
        SearchResults found = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> search(search, "\"" + group + "\""), r -> r.getTotal() != null && r.getTotal() >= 2
                        && r.getHits().stream().allMatch(hit -> hit.getEntities() != null && hit.getEntities()
                                .stream().anyMatch(e -> e.getId().equals(brigade.getId().toString()))));
        assertThat(found.getHits()).extracting(hit -> hit.getTitle())
                .contains("Statement on the " + word + " convoy", "Brief: the " + word + " brigade's supply routes")
                .doesNotContain("Market prices in " + word + " province");
        assertThat(found.getHits()).allSatisfy(hit -> assertThat(hit.getEntities())
                .anySatisfy(e -> assertThat(e.getId()).isEqualTo(brigade.getId().toString())));

        // match names: another spelling, and the abbreviation
        MatchRequest spelling = new MatchRequest().name(group.toUpperCase(Locale.ROOT).replace("AL-", "AL "));
        MatchResult matched = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> new EntitiesApi(integrator).matchName(spelling), r -> !r.getCandidates().isEmpty());
        assertThat(matched.getCandidates().get(0).getEntityId()).isEqualTo(brigade.getId());

        // link a text (the linker follows the registry's feed: the names made above may take a moment to arrive)
        String text = "Fighters of " + group + " under " + commander + " were seen in Tikrit.";
        MentionsApi mentions = new MentionsApi(integrator);
        MentionResult linked = Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> mentions.linkText(new MentionRequest().text(text)), r -> r.getMentions().stream()
                        .map(m -> m.getEntityId()).toList().containsAll(List.of(brigade.getId(), leader.getId())));
        assertThat(linked.getMentions()).as(text).extracting(m -> m.getEntityId())
                .contains(brigade.getId(), leader.getId());

        // read an entity with its relations
        assertThat(new EntitiesApi(integrator).listEntities(null, group, null, null, null, null).getTotal())
                .isEqualTo(1);
        EntityDto read = new EntitiesApi(integrator).getEntity(brigade.getId());
        assertThat(read.getNames()).extracting(n -> n.getValue()).contains(group, "LWS " + word);
        List<RelationDto> relations = new RelationsApi(integrator).listRelations(brigade.getId(), null, null, null);
        assertThat(relations).singleElement().satisfies(r -> {
            assertThat(r.getType()).isEqualTo(RelationType.LEADER_OF);
            assertThat(r.getSubjectId()).isEqualTo(leader.getId());
        });

        // page through the sources' change feed until the three imported sources have passed
        ChangeFeedApi feed = new ChangeFeedApi(integrator);
        Set<UUID> seen = new HashSet<>();
        List<Long> pages = new ArrayList<>();
        Long after = 0L;
        while (!seen.containsAll(imported)) {
            ChangePage page = feed.sourceChanges(after, null, 50);
            pages.add(after);
            for (ChangeDto change : page.getChanges()) {
                seen.add(change.getSourceId());
            }
            assertThat(page.getNext()).as("the feed moves on while the imported sources are ahead").isNotNull()
                    .isGreaterThan(after);
            after = page.getNext();
            assertThat(after).isLessThanOrEqualTo(page.getHead());
        }
        assertThat(pages).isNotEmpty();

        // and errors are problems the client reports with their status
        assertThatThrownBy(() -> new EntitiesApi(integrator).getEntity(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("\"status\":404");
                });
        assertThatThrownBy(() -> new EntitiesApi(client("not-a-token")).getEntity(brigade.getId()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }

    private static SearchResults search(SearchApi search, String q) throws ApiException {
        return search.search(q, null, null, null, null, null, null, null, null, null, null, 20, null, null, null,
                null);
    }

    private static String line(String title, String text) throws IOException {
        return OpenApiMerge.JSON.writeValueAsString(java.util.Map.of("title", title, "text", text));
    }

    /** A made-up word, so this run's names and texts are its own. */
    private static String word() {
        String consonants = "bdfghklmnrstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 3; i++) {
            w.append(consonants.charAt(random.nextInt(consonants.length())));
            w.append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
