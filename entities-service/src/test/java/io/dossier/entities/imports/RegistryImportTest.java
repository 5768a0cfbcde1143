package io.dossier.entities.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class RegistryImportTest {

    static JsonPath ofac(String sdn, String alt) {
        var request = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .multiPart("sdn", "sdn.csv", sdn.getBytes(StandardCharsets.UTF_8), "text/csv");
        if (alt != null) {
            request.multiPart("alt", "alt.csv", alt.getBytes(StandardCharsets.UTF_8), "text/csv");
        }
        return request.post("/api/v1/entities/imports/ofac").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath byExternalId(String name) {
        return given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("name", name)
                .get("/api/v1/entities").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void ofacLayoutWithAliasesLinksAndReimport() {
        int n = 900_000_000 + (int) (Math.random() * 90_000_000);
        String org = "TEST BRIGADES " + n;
        String sdn = n + ",\"" + org + "\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'TB'.\"\n"
                + (n + 1) + ",\"TESTER, Abu " + n + "\",\"individual\",\"SDGT\",\"Commander\",-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "-0- ,\"DOB 01 Jan 1970; POB Basrah, Iraq; nationality Iraq; Linked To: " + org + ".\"\n"
                + (n + 2) + ",\"TEST VESSEL " + n + "\",\"vessel\",\"IRAN\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n";
        String alt = n + ",1,\"aka\",\"BRIGADES OF TEST " + n + "\",-0- \n" + n + ",2,\"fka\",\"OLD TEST GROUP " + n
                + "\",-0- \n";
        JsonPath first = ofac(sdn, alt);
        assertThat(first.getInt("read")).isEqualTo(2);
        assertThat(first.getInt("created")).isEqualTo(2);
        assertThat(first.getInt("skipped")).isEqualTo(1);
        assertThat(first.getInt("relationsCreated")).isEqualTo(1);

        JsonPath found = byExternalId("BRIGADES OF TEST " + n);
        assertThat(found.getList("entities.primaryName")).containsExactly(org);
        assertThat(found.getList("entities[0].names.kind")).contains("ALIAS", "FORMER");
        JsonPath person = byExternalId("TESTER, Abu " + n);
        assertThat(person.getString("entities[0].type")).isEqualTo("PERSON");
        assertThat(person.getList("entities[0].attributes.birthDate")).containsExactly("01 Jan 1970");
        assertThat(person.getList("entities[0].externalIds.value")).containsExactly(String.valueOf(n + 1));
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("entity", person.getString("entities[0].id"))
                .get("/api/v1/relations").then().statusCode(200).body("type", hasItem("ASSOCIATE_OF"));

        JsonPath again = ofac(sdn, alt);
        assertThat(again.getInt("unchanged")).isEqualTo(2);
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("relationsCreated")).isZero();
        JsonPath changed = ofac(sdn.replace("Commander", "Deputy commander"), alt);
        assertThat(changed.getInt("updated")).isEqualTo(1);
        assertThat(changed.getInt("unchanged")).isEqualTo(1);
    }

    @Test
    void unConsolidatedListXml() {
        String ref = "TQi." + UUID.randomUUID().toString().substring(0, 6);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST>
                  <INDIVIDUALS><INDIVIDUAL>
                    <FIRST_NAME>ABU</FIRST_NAME><SECOND_NAME>TESTER</SECOND_NAME><THIRD_NAME>%1$s</THIRD_NAME>
                    <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>%1$s</REFERENCE_NUMBER>
                    <NAME_ORIGINAL_SCRIPT>أبو المختبر</NAME_ORIGINAL_SCRIPT>
                    <NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY>
                    <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Test %1$s</ALIAS_NAME></INDIVIDUAL_ALIAS>
                    <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>The Tester %1$s</ALIAS_NAME></INDIVIDUAL_ALIAS>
                    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1975</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
                  </INDIVIDUAL></INDIVIDUALS>
                  <ENTITIES/>
                </CONSOLIDATED_LIST>
                """
                .formatted(ref);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/xml")
                .body(xml.getBytes(StandardCharsets.UTF_8)).post("/api/v1/entities/imports/un")
                .then().statusCode(200).body("created", equalTo(1));
        JsonPath found = byExternalId("Abu Test " + ref);
        assertThat(found.getList("entities[0].names.kind")).contains("TRANSLITERATION", "ALIAS", "WEAK_ALIAS");
        assertThat(found.getList("entities[0].names.lang")).contains("ar");
        assertThat(found.getList("entities[0].attributes.nationality")).containsExactly("Iraq");
    }

    @Test
    void theSampleRegistryLoadsAndLoadsAgainUnchanged() throws IOException {
        byte[] registry = Files.readAllBytes(Path.of(LocalStack.root().toString(),
                "deploy/sample-data/entities/registry.jsonl"));
        JsonPath first = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson")
                .body(registry).post("/api/v1/entities/imports/dossier").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("read")).isEqualTo(27);
        assertThat(first.getInt("created") + first.getInt("updated") + first.getInt("unchanged")).isEqualTo(27);
        JsonPath again = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson")
                .body(registry).post("/api/v1/entities/imports/dossier").then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("unchanged")).isEqualTo(27);
        assertThat(again.getInt("relationsCreated")).isZero();
        JsonPath kh = byExternalId("Iraqi Hezbollah Brigades");
        assertThat(kh.getList("entities[0].names.value")).contains("كتائب حزب الله", "KH", "Kata'ib Hizballah");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("entity", kh.getString("entities[0].id"))
                .get("/api/v1/relations").then().statusCode(200).body("type", hasItems("PART_OF", "LEADER_OF"));
    }

    @Test
    void badListsAreRefusedWithProblems() {
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .multiPart("sdn", "sdn.csv", "just,two\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/entities/imports/ofac").then().statusCode(400).contentType("application/problem+json");
        // a quote never closed: not CSV, said in plain words, nothing imported
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .multiPart("sdn", "sdn.csv", "36,\"AEROCARIBBEAN AIRLINES,-0- ,CUBA\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/entities/imports/ofac").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not a CSV file"));
        assertThat(byExternalId("AEROCARIBBEAN AIRLINES").getList("entities")).isEmpty();
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/xml")
                .body("<CONSOLIDATED_LIST><oops>".getBytes(StandardCharsets.UTF_8)).post("/api/v1/entities/imports/un")
                .then().statusCode(400).body("detail", containsString("malformed"));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/xml")
                .body(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<CONSOLIDATED_LIST>&e;</CONSOLIDATED_LIST>").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/entities/imports/un").then().statusCode(400);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson")
                .body("{\"type\":\"PERSON\",\"primaryName\":\"A\",\"externalIds\":[{\"scheme\":\"x\",\"value\":\"1\"}]}\n{oops\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/entities/imports/dossier").then().statusCode(400)
                .body("detail", containsString("Line 2"));
        given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType("application/x-ndjson")
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/entities/imports/dossier").then().statusCode(403);
    }
}
