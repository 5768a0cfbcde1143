package io.dossier.entities.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dossier.names.NameKind;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class EntityResourceTest {

    @Inject
    EntityRepository entities;

    UUID id;

    @BeforeEach
    void registerOne() {
        id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            RegistryEntity e = new RegistryEntity();
            e.id = id;
            e.type = EntityType.ORGANIZATION;
            // sorts before the rest of the registry, so it is on page 0
            e.primaryName = "!Kataib Hezbollah " + id;
            e.createdAt = OffsetDateTime.now();
            e.createdBy = "test";
            for (String[] name : new String[][]{{"Kataib Hezbollah", "en", "PRIMARY"},
                    {"كتائب حزب الله", "ar", "TRANSLITERATION"}, {"KH", "en", "ABBREVIATION"}}) {
                EntityName n = new EntityName();
                n.entity = e;
                n.value = name[0];
                n.lang = name[1];
                n.kind = NameKind.valueOf(name[2]);
                e.names.add(n);
            }
            entities.persist(e);
        });
    }

    @AfterEach
    void removeIt() {
        QuarkusTransaction.requiringNew().run(() -> entities.deleteById(id));
    }

    @Test
    void readerReadsAnEntityWithAllItsNames() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + id)
                .then().statusCode(200)
                .body("primaryName", equalTo("!Kataib Hezbollah " + id))
                .body("type", equalTo("ORGANIZATION"))
                .body("names.value", hasItem("كتائب حزب الله"))
                .body("names.find { it.value == 'KH' }.kind", equalTo("ABBREVIATION"));
    }

    @Test
    void aNulInAListFilterIs400() {
        for (String param : new String[]{"name", "tag"}) {
            given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam(param, "a\u0000b").get("/api/v1/entities")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void listsByType() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("type", "ORGANIZATION")
                .queryParam("size", 500).get("/api/v1/entities")
                .then().statusCode(200)
                .body("entities.id", hasItem(id.toString()))
                .body("size", equalTo(500));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("type", "PERSON").queryParam("size", 500)
                .get("/api/v1/entities")
                .then().statusCode(200)
                .body("entities.id", org.hamcrest.Matchers.not(hasItem(id.toString())))
                .body("entities.type", org.hamcrest.Matchers.everyItem(equalTo("PERSON")));
    }

    @Test
    void roleMatrixAndErrors() {
        given().get("/api/v1/entities").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/entities/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).get("/api/v1/entities").then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).get("/api/v1/entities/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("page", 4_294_968).queryParam("size", 500)
                .get("/api/v1/entities")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("size", 0).get("/api/v1/entities")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("type", "SPACESHIP").get("/api/v1/entities")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
