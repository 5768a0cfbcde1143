package io.dossier.sources.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.sources.extraction.html.TokenOverlap;
import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Real documents from {@code ../shared} (seeds and corpora) through the upload and import APIs, with what was
 * extracted from them checked against the files themselves. Nothing of them is copied into the project.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@Tag("shared-corpus")
class CorpusIngestTest {

    static JsonPath upload(String name, byte[] content) {
        int status = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).multiPart("file", name, content)
                .when().post("/api/v1/sources").then().extract().statusCode();
        assertThat(status).as(name).isIn(200, 201);
        return given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).multiPart("file", name, content)
                .when().post("/api/v1/sources").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void seedsKeepTheirArticleAndLoseTheFurniture() throws IOException {
        List<Path> seeds;
        try (Stream<Path> files = Files.list(LocalStack.shared().resolve("seeds"))) {
            seeds = files.sorted().toList();
        }
        assertThat(seeds).hasSize(5);
        for (Path seed : seeds) {
            String raw = Files.readString(seed);
            JsonPath source = upload(seed.getFileName().toString(), Files.readAllBytes(seed));
            String text = source.getString("text");
            String firstLine = raw.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElseThrow();
            assertThat(source.getString("status")).isEqualTo("EXTRACTED");
            assertThat(source.getString("language")).as(seed.toString()).isEqualTo("en");
            assertThat(source.getString("title")).isEqualTo(firstLine);
            assertThat(text.length()).as("kept most of " + seed).isGreaterThan(raw.strip().length() / 3);
            // Nothing invented: every line kept is a line of the file.
            assertThat(text.lines().filter(l -> !l.isBlank()))
                    .allSatisfy(line -> assertThat(raw).contains(line.strip()));
            assertThat(text).doesNotContain("Leave a Reply", "Back to top", "Content is protected", "Related Articles",
                    "Share this\n");
            System.out.printf("%s: %d of %d characters kept%n", seed.getFileName(), text.length(),
                    raw.strip().length());
        }
    }

    @Test
    void webPagesGiveTheirArticle() throws IOException {
        Path corpus = LocalStack.shared().resolve("corpus/article-extraction-dev");
        JsonNode truth = new ObjectMapper().readTree(corpus.resolve("ground-truth.json").toFile());
        List<Path> pages;
        try (Stream<Path> files = Files.list(corpus.resolve("html"))) {
            pages = files.sorted().limit(12).toList();
        }
        double sum = 0;
        for (Path page : pages) {
            String id = page.getFileName().toString().replace(".html", "");
            JsonPath source = upload(page.getFileName().toString(), Files.readAllBytes(page));
            assertThat(source.getString("status")).isEqualTo("EXTRACTED");
            assertThat(source.getString("contentType")).isEqualTo("text/html");
            assertThat(source.getString("title")).as(id).isNotBlank();
            double f1 = TokenOverlap.of(source.getString("text"), truth.get(id).get("articleBody").asText()).f1();
            assertThat(f1).as("token F1 of " + id).isGreaterThan(0.7);
            sum += f1;
        }
        assertThat(sum / pages.size()).as("mean token F1 through the API").isGreaterThan(0.93);
    }

    @Test
    void newsCorporaInTheirOwnFormats() throws IOException {
        Path corpus = LocalStack.shared().resolve("corpus");
        Path bbc = corpus.resolve("bbc_news_2225/politics/001.txt");
        String firstLine = Files.readAllLines(bbc, StandardCharsets.ISO_8859_1).get(0).strip();
        JsonPath article = upload("001.txt", Files.readAllBytes(bbc));
        assertThat(article.getString("title")).isEqualTo(firstLine);
        assertThat(article.getString("language")).isEqualTo("en");

        // Reuters SGML: a slice of a file (whole ones pass the test's 1 MiB limit), cut after a whole article.
        String sgml = Files.readString(corpus.resolve("reuters21578/reut2-000.sgm"), StandardCharsets.ISO_8859_1);
        String slice = sgml.substring(0, sgml.indexOf("</REUTERS>", 200_000) + "</REUTERS>".length());
        String firstTitle = slice.substring(slice.indexOf("<TITLE>") + 7, slice.indexOf("</TITLE>"));
        JsonPath reuters = upload("reut2-000.sgm", slice.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(reuters.getString("status")).isEqualTo("EXTRACTED");
        assertThat(reuters.getString("text")).contains(firstTitle);

        // FA-KES CSV, whose bytes are not all UTF-8: sent as they are.
        List<String> csv = Files.readAllLines(corpus.resolve("fakes_syria/fakes.csv"), StandardCharsets.ISO_8859_1)
                .subList(0, 40);
        JsonPath fakes = upload("fakes.csv", String.join("\n", csv).getBytes(StandardCharsets.ISO_8859_1));
        assertThat(fakes.getString("status")).isEqualTo("EXTRACTED");
        assertThat(fakes.getString("contentType")).isEqualTo("text/plain");
        assertThat(fakes.getString("text")).contains(csv.get(1).split(",")[1]);
    }

    @Test
    void aFolderOfArticlesImportsAsOneZip() throws IOException {
        Path folder = LocalStack.shared().resolve("corpus/bbc_news_2225/business");
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(archive)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry("business/" + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        String location = given().auth().oauth2(Tokens.integrator()).contentType("application/zip")
                .body(archive.toByteArray()).post("/api/v1/imports?tag=bbc").then().statusCode(202)
                .extract().header("Location");
        JsonPath job = Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(Tokens.integrator()).get(location).then().extract().jsonPath(),
                        j -> "COMPLETED".equals(j.getString("status")));
        assertThat(job.getInt("total")).isEqualTo(files.size());
        assertThat(job.getInt("failed")).isZero();
        assertThat(job.getInt("created") + job.getInt("duplicates")).isEqualTo(files.size());
    }
}
