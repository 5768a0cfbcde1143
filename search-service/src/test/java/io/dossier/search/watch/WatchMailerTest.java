package io.dossier.search.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dossier.search.indexing.IndexedDocument;
import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Watches' e-mail through the local stack's real SMTP server (GreenMail), read back through its API: one message per
 * watch with the matches its owner may read at the moment of sending, digests not more often than their period.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class WatchMailerTest {

    static final String MAIL_API = LocalStack.MAIL_API + "/api/user/";

    @Inject
    WatchMailer mailer;
    @Inject
    WatchEvaluator evaluator;

    private static String watch(String user, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType("application/json").body(body)
                .post("/api/v1/watches").then().statusCode(201).extract().path("id");
    }

    private static IndexedDocument document(String collection, String title, String text) {
        return IndexedDocument.of(UUID.randomUUID().toString(), collection, title, List.of(), text, null, null, null,
                "en", List.of(), "2025-03-15T10:00:00Z", List.of(), 0);
    }

    /** The messages an address received whose subject holds {@code marker}: subject and whole message. */
    private static List<Map<String, String>> mail(String address, String marker) {
        List<Map<String, String>> all = given().get(MAIL_API + address + "/messages/INBOX").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(m -> m.get("subject") != null && m.get("subject").contains(marker)).toList();
    }

    @Test
    void aWatchMailsWhatItsOwnerMayReadOnceAndDigestsWaitTheirPeriod() {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        watch(Tokens.ANALYST, Map.of("name", "At once " + marker, "query", "convoy " + marker, "delivery",
                "immediate"));
        watch(Tokens.ANALYST, Map.of("name", "Daily " + marker, "query", "checkpoint " + marker, "delivery",
                "daily"));
        IndexedDocument open = document("open", "Convoy seen " + marker, "A convoy crossed. " + marker);
        IndexedDocument hidden = document("restricted", "Secret convoy " + marker, "A convoy, restricted. " + marker);
        IndexedDocument checkpoint = document("open", "Checkpoint moved " + marker, "The checkpoint. " + marker);
        evaluator.indexed(List.of(open, hidden, checkpoint), List.of());

        assertThat(mailer.sendDue()).isEqualTo(2);
        String analyst = "analyst@dossier.example";
        List<Map<String, String>> atOnce = mail(analyst, "At once " + marker);
        assertThat(atOnce).hasSize(1);
        assertThat(atOnce.get(0).get("subject")).isEqualTo("Dossier: a new document for “At once " + marker + "”");
        // the analyst may not read the restricted collection: its document is not in the message
        assertThat(atOnce.get(0).get("mimeMessage")).contains("Convoy seen " + marker)
                .contains("/documents/" + open.id()).doesNotContain("Secret convoy").doesNotContain(hidden.id());
        assertThat(mail(analyst, "Daily " + marker)).hasSize(1);

        // nothing new: nothing sent; a new match: the immediate watch sends it, the daily digest waits its day
        assertThat(mailer.sendDue()).isZero();
        evaluator.indexed(List.of(document("open", "Convoy again " + marker, "convoy " + marker),
                document("open", "Checkpoint again " + marker, "checkpoint " + marker)), List.of());
        assertThat(mailer.sendDue()).isEqualTo(1);
        assertThat(mail(analyst, "At once " + marker)).hasSize(2);
        assertThat(mail(analyst, "Daily " + marker)).hasSize(1);
    }

    @Test
    void aWatchSwitchedToEmailMailsItsMatchesFromThenOn() {
        String marker = "s" + UUID.randomUUID().toString().replace("-", "");
        String id = watch(Tokens.ANALYST, Map.of("name", "Switched " + marker, "query", "tanker " + marker));
        evaluator.indexed(List.of(document("open", "Tanker seized " + marker, "tanker " + marker)), List.of());
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType("application/json")
                .body(Map.of("delivery", "immediate")).patch("/api/v1/watches/" + id).then().statusCode(200);
        // the match from when it told in the app only is not mailed now
        mailer.sendDue();
        assertThat(mail("analyst@dossier.example", "Switched " + marker)).isEmpty();
        evaluator.indexed(List.of(document("open", "Tanker freed " + marker, "tanker " + marker)), List.of());
        mailer.sendDue();
        List<Map<String, String>> sent = mail("analyst@dossier.example", "Switched " + marker);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("mimeMessage")).contains("Tanker freed").doesNotContain("Tanker seized");
    }

    @Test
    void deliveryIsCheckedLikeTheRest() {
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType("application/json")
                .body(Map.of("name", "x", "query", "drone", "delivery", "weekly")).post("/api/v1/watches").then()
                .statusCode(400).contentType("application/problem+json");
        // a client-credentials token has no e-mail address: in the app only
        given().auth().oauth2(Tokens.integrator()).contentType("application/json")
                .body(Map.of("name", "x", "query", "drone", "delivery", "daily")).post("/api/v1/watches").then()
                .statusCode(400);
    }
}
