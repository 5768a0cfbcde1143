package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.sun.net.httpserver.HttpServer;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A real headless Chromium logs in on the Keycloak page and sees a search result in the gateway's UI. */
@ExtendWith(PlatformExtension.class)
class BrowserSearchTest {

    /**
     * Where the screenshots go: target/screenshots, or (with {@code -Ddossier.screenshots.dir=../docs/screenshots})
     * the ones kept with the documentation, refreshed.
     */
    static final Path SCREENSHOTS = Path.of(System.getProperty("dossier.screenshots.dir", "target/screenshots"));

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        LocalStack.ensureBrowser();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("dossier-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void readerLogsInAndSeesASearchResult() throws IOException {
        String word = WalkingSkeletonTest.uniqueWord();
        String title = "Kata'ib Hizballah convoy sighted " + word;
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", title, "text", "Witnesses near the Syrian border reported the convoy. " + word,
                        "publisher", "Browser Test Monitor"))
                .post("/api/v1/sources").then().statusCode(201);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> WalkingSkeletonTest.total(Tokens.forUser(Tokens.READER), word) == 1);

        browser.get(Platform.GATEWAY + "/search?q=" + word);
        WebDriverWait wait = pageWait(20);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(LocalStack.OIDC_URL + "/");
        screenshot("login");
        browser.findElement(By.id("username")).sendKeys(Tokens.READER);
        browser.findElement(By.id("password")).sendKeys(Tokens.PASSWORD);
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.hit h2")));
        assertThat(browser.getCurrentUrl()).startsWith(Platform.GATEWAY + "/search");
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(Tokens.READER);
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("1 source");
        assertThat(browser.findElement(By.cssSelector("li.hit h2")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.cssSelector("li.hit .snippet mark")).getText()).isEqualTo(word);
        // the direction comes from the document's language, not from whichever letter comes first
        assertThat(browser.findElement(By.cssSelector("li.hit .snippet")).getAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.findElement(By.cssSelector("li.hit .snippet")).getAttribute("lang")).isEqualTo("en");
        screenshot("search-results");

        // the browser's session also opens the API (the gateway relays the session's access token)
        browser.get(Platform.GATEWAY + "/api/v1/search?q=" + word);
        assertThat(browser.getPageSource()).contains("\"total\":1").contains(title);
        browser.navigate().back();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));

        // a new query from the page's own form
        var box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys("no-such-word-" + word + "\n");
        wait.until(ExpectedConditions.textToBe(By.id("total"), "0 sources"));
    }

    /**
     * An analyst's path through the UI: the entity typeahead, a facet, a document with its mentions linked, a mention
     * to its entity's page (names, relations graph, timeline, documents), and an editor's form; and a document full
     * of script and event-handler payloads, shown inert.
     */
    @Test
    void analystFollowsADocumentsMentionToItsEntity() throws IOException {
        String u = WalkingSkeletonTest.uniqueWord();
        String name = "Liwa Browser " + u;
        String editor = Tokens.forUser(Tokens.EDITOR);
        String entityId = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", name, "names",
                        java.util.List.of(Map.of("value", "لواء المتصفح " + u, "lang", "ar"))))
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
        String allyId = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", "Saraya Ally " + u))
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("subjectId", entityId, "objectId", allyId, "type", "ALLIED_WITH"))
                .post("/api/v1/relations").then().statusCode(201);
        String payload = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">"
                + "<a href=\"javascript:window.__xss = 3\">x</a>";
        String documentId = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Statement by " + name + " " + payload, "text", name
                        + " said on Friday it had struck a base. " + payload + " The claim was not verified.",
                        "publisher", "Browser Test Wire", "publishedAt", "2025-04-02T10:00:00Z"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String reader = Tokens.forUser(Tokens.READER);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", "*")
                        .queryParam("entity", entityId).get("/api/v1/search").then().extract().jsonPath()
                        .getList("hits.id").contains(documentId));

        login(Platform.GATEWAY + "/search", Tokens.EDITOR);
        WebDriverWait wait = pageWait(20);
        // the landing page: the collections the editor may read, with counts, and the newest sources
        assertThat(browser.findElements(By.cssSelector(".landing .collections a"))).extracting(e -> e.getText())
                .contains("open");
        assertThat(browser.findElements(By.cssSelector(".landing .recent a[href='/documents/" + documentId + "']")))
                .hasSize(1);
        screenshot("landing");
        // the typeahead offers the entity while the name is typed, in either script, and works from the keyboard
        // (a WAI-ARIA combobox: Down chooses, Enter opens, Escape closes)
        var box = browser.findElement(By.id("q"));
        box.sendKeys("liwa browser " + u.substring(0, 8));
        String option = "#suggestions [role='option'][data-href='/entities/" + entityId + "']";
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(option)));
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant"))
                .isEqualTo(browser.findElement(By.cssSelector("#suggestions [role='option']")).getAttribute("id"));
        screenshot("typeahead");
        box.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        wait.until(ExpectedConditions.attributeToBe(By.id("q"), "aria-expanded", "false"));
        assertThat(browser.findElement(By.id("suggestions")).isDisplayed()).isFalse();
        box.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN);
        assertThat(browser.findElement(By.cssSelector(option)).getAttribute("aria-selected")).isEqualTo("true");
        box.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(Platform.GATEWAY + "/entities/" + entityId));
        browser.navigate().back();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys("\"" + name + "\"\n");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.hit[data-id='" + documentId
                + "']")));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("1 source");
        // a facet narrows the search, and the URL says so
        browser.findElement(By.cssSelector("section[data-facet='publisher'] a")).click();
        wait.until(ExpectedConditions.urlContains("publisher=Browser+Test+Wire"));
        assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("1 source");
        assertThat(browser.findElement(By.cssSelector("section[data-facet='publisher'] a.on")).getText())
                .isEqualTo("Browser Test Wire");
        // filters in words, not parameter names and ids
        assertThat(browser.findElements(By.cssSelector(".facets .active a"))).extracting(e -> e.getText())
                .containsExactly("✕ Publisher: Browser Test Wire");
        assertThat(browser.findElements(By.cssSelector("section[data-facet='type'] a"))).extracting(e -> e.getText())
                .contains("Organization").doesNotContain("ORGANIZATION");
        // the histogram: a time axis with its labels, each bar's count in words, and a month chosen reads as one
        assertThat(browser.findElements(By.cssSelector(".histogram rect"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".histogram rect title")).getAttribute("textContent"))
                .isEqualTo("Apr 2025: 1 document");
        assertThat(browser.findElements(By.cssSelector(".histogram .tick-label"))).isNotEmpty();
        browser.findElement(By.cssSelector(".histogram a")).click();
        wait.until(ExpectedConditions.urlContains("publishedFrom=2025-04-01"));
        assertThat(browser.findElements(By.cssSelector(".facets .active a"))).extracting(e -> e.getText())
                .contains("✕ Published: Apr 2025");
        browser.navigate().back();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section[data-facet='publisher']")));
        screenshot("search-facets");
        // the export links give this search's hits as CSV and JSON
        String csv = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('export-csv').href).then(r => r.text()).then(done);");
        assertThat(csv).startsWith("id,title,url,publisher,publishedAt,language,collection,entities")
                .contains("\"" + documentId + "\"").contains("\"Browser Test Wire\"");
        String json = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('export-json').href).then(r => r.text()).then(done);");
        assertThat(json).contains("\"id\" : \"" + documentId + "\"");
        // payloads in the title and snippets are text, not markup
        assertThat((Object) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__xss"))
                .isNull();

        // the reading view: j shows the first result beside the list, its words marked, n moves through them
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.activeElement.blur()");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys("j").perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview .preview-doc")));
        assertThat(browser.findElement(By.cssSelector("li.hit.selected")).getAttribute("data-id"))
                .isEqualTo(documentId);
        assertThat(browser.findElements(By.cssSelector("#preview mark.match"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#preview .match-count")).getText()).matches("match 1 of \\d+");
        assertThat(browser.findElement(By.cssSelector("#preview .legend")).getText()).contains("Organization");
        screenshot("search-preview");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("preview")));

        browser.findElement(By.cssSelector("li.hit[data-id='" + documentId + "'] h2 a")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".doc-text a.mention")));
        // opened from the results: the search's words marked with next and previous, the way back kept
        assertThat(browser.findElements(By.cssSelector(".doc-text mark.match"))).isNotEmpty();
        browser.findElement(By.cssSelector(".match-next")).click();
        assertThat(browser.findElement(By.cssSelector(".match-count")).getText()).startsWith("match 1 of ");
        assertThat(browser.findElement(By.id("back-to-results")).getAttribute("href")).contains("/search?q=")
                .contains("publisher=Browser+Test+Wire");
        assertThat(browser.findElement(By.cssSelector(".doc-text a.mention")).getAttribute("class"))
                .contains("type-organization");
        assertThat(browser.findElement(By.cssSelector(".doc-text")).getText()).contains("<script>window.__xss = 1"
                + "</script>");
        assertThat((Object) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__xss"))
                .isNull();
        assertThat(browser.findElements(By.cssSelector(".doc-text img, .doc-text script"))).isEmpty();
        assertThat(browser.findElement(By.id("download")).getAttribute("href"))
                .endsWith("/api/v1/sources/" + documentId + "/original");
        screenshot("document");
        Object original = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('download').href).then(r => done(r.status + ' '"
                        + " + r.headers.get('content-disposition')));");
        assertThat((String) original).startsWith("200 attachment");

        var mention = browser.findElement(By.cssSelector(".doc-text a.mention"));
        assertThat(mention.getText()).isEqualTo(name);
        mention.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.entity")));
        assertThat(browser.getCurrentUrl()).endsWith("/entities/" + entityId);
        assertThat(browser.findElements(By.cssSelector(".names li"))).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).startsWith("لواء المتصفح"));
        assertThat(browser.findElements(By.tagName("h3"))).extracting(e -> e.getText()).contains("Latin", "Arabic");
        assertThat(browser.findElement(By.cssSelector(".relations a")).getText()).isEqualTo("Saraya Ally " + u);
        wait.until(ExpectedConditions.attributeToBe(By.id("relation-graph"), "data-drawn", "true"));
        assertThat(browser.findElements(By.cssSelector("#relation-graph canvas"))).isNotEmpty();
        // the graph's library is loaded on this page only; a neighbour's relations come from the page's graph route
        assertThat(browser.findElements(By.cssSelector("script[src*='/static/bundle/graph-']"))).hasSize(1);
        String neighbour = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/entities/" + allyId + "/graph').then(r => r.text()).then(done);");
        assertThat(neighbour).contains("\"id\":\"" + entityId + "\"").contains("\"type\":\"ORGANIZATION\"")
                .contains("allied with");
        // the Arabic name is set in the bundled Naskh font, and its kind says what it is
        Object naskh = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "document.fonts.ready.then(() => done(Array.from(document.fonts).some(f => "
                        + "f.family.includes('Noto Naskh Arabic') && f.status === 'loaded')));");
        assertThat(naskh).isEqualTo(Boolean.TRUE);
        assertThat(browser.findElements(By.cssSelector(".names li"))).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).startsWith("لواء المتصفح").contains("Arabic alias"));
        // the editors' forms are closed until asked for
        assertThat(browser.findElement(By.id("new-name")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("ol.hits a[href='/documents/" + documentId + "']")))
                .hasSize(1);
        screenshot("entity");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('relations-heading').scrollIntoView()");
        screenshot("entity-relations");

        // a form post without the page's token (as a forged cross-site form would send) is refused
        Object forged = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/entities/" + entityId + "/names', {method: 'POST', headers: {'Content-Type':"
                        + " 'application/x-www-form-urlencoded'}, body: 'value=Forged'}).then(r => done(r.status));");
        assertThat(((Number) forged).intValue()).isEqualTo(403);
        // a name the registry refuses comes back beside its form, in red, with what was typed
        browser.findElement(By.cssSelector("#edit-names summary")).click();
        browser.findElement(By.id("new-name")).sendKeys("Browser Brigade " + u);
        browser.findElement(By.id("new-lang")).sendKeys("not a language");
        browser.findElement(By.cssSelector(".add-name button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#edit-names .form-error")));
        assertThat(browser.findElement(By.cssSelector("#edit-names .form-error")).getText())
                .startsWith("The name was not added");
        assertThat(browser.findElement(By.id("new-name")).getAttribute("value")).isEqualTo("Browser Brigade " + u);
        assertThat(browser.findElement(By.id("new-name")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector(".notice"))).isEmpty();
        screenshot("entity-form-error");
        // an editor adds a name through the page's form (which carries its CSRF token)
        browser.findElement(By.id("new-lang")).clear();
        browser.findElement(By.cssSelector(".add-name button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).startsWith("Name added");
        assertThat(browser.findElements(By.cssSelector(".names li"))).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).startsWith("Browser Brigade " + u));

        // a relation with its citation, the other entity picked by name, the document by words of its title
        browser.findElement(By.cssSelector("#edit-relations summary")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("rel-type")))
                .selectByValue("ASSOCIATE_OF");
        browser.findElement(By.id("rel-other")).sendKeys("Saraya Ally " + u);
        browser.findElement(By.id("rel-source")).sendKeys("Statement by " + name);
        String suggested = "#source-options option[value$='[" + documentId + "]']";
        wait.until(d -> !d.findElements(By.cssSelector(suggested)).isEmpty());
        var source = browser.findElement(By.id("rel-source"));
        source.clear();
        source.sendKeys(browser.findElement(By.cssSelector(suggested)).getAttribute("value"));
        browser.findElement(By.id("rel-quote")).sendKeys("said on Friday it had struck a base");
        browser.findElement(By.cssSelector(".add-relation button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Relation added"));
        assertThat(browser.findElements(By.cssSelector(".relations li"))).hasSize(2)
                .anySatisfy(li -> assertThat(li.getText()).contains("associate of").contains("struck a base"));
        assertThat(browser.findElements(By.cssSelector(".relations a[href='/documents/" + documentId + "']")))
                .hasSize(1);

        // a duplicate merged into it from the page
        String duplicate = "Liwa Browser Duplicate " + u;
        String duplicateId = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", duplicate)).post("/api/v1/entities").then()
                .statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", duplicate)
                        .get("/api/v1/search/entities").then().extract().jsonPath().getList("entities.primaryName")
                        .contains(duplicate));
        browser.findElement(By.cssSelector("#edit-merge summary")).click();
        browser.findElement(By.id("merge-other")).sendKeys(duplicate);
        browser.findElement(By.cssSelector(".merge button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Merged"));
        assertThat(browser.findElements(By.cssSelector(".names li"))).extracting(e -> e.getText())
                .anySatisfy(t -> assertThat(t).startsWith(duplicate));
        screenshot("entity-edited");
        // the merged-away entity's page is the survivor's
        browser.get(Platform.GATEWAY + "/entities/" + duplicateId);
        wait.until(ExpectedConditions.urlToBe(Platform.GATEWAY + "/entities/" + entityId));
        // and the merge undone from the survivor's page: the duplicate is itself again
        assertThat(browser.findElement(By.cssSelector(".merges li")).getText()).contains(duplicate)
                .contains("merged by editor");
        browser.findElement(By.cssSelector(".merges form.undo-merge button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "undone"));
        assertThat(browser.findElements(By.cssSelector(".names li"))).extracting(e -> e.getText())
                .noneSatisfy(t -> assertThat(t).startsWith(duplicate));
        assertThat(browser.findElement(By.cssSelector(".merges li")).getText()).contains("undone by editor");
        browser.get(Platform.GATEWAY + "/entities/" + duplicateId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.entity")));
        assertThat(browser.getCurrentUrl()).isEqualTo(Platform.GATEWAY + "/entities/" + duplicateId);
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith(duplicate);
    }

    /** Files dropped on the upload page: each with its progress and its status, indexed or failed with a reason. */
    @Test
    void analystUploadsFilesAndSeesEachOnesStatus() throws IOException {
        String u = WalkingSkeletonTest.uniqueWord();
        Path dir = Files.createTempDirectory("dossier-upload");
        Path good = dir.resolve("brief-" + u + ".html");
        Files.writeString(good, "<!DOCTYPE html><html><head><title>Checkpoint brief " + u + "</title></head><body>"
                + "<article><h1>Checkpoint brief " + u + "</h1><p>A short brief about a new checkpoint north of the"
                + " river, written for the upload test. " + u + "</p></article></body></html>");
        Path broken = dir.resolve("broken-" + u + ".pdf");
        Files.writeString(broken, "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage " + u);

        login(Platform.GATEWAY + "/upload", Tokens.ANALYST);
        WebDriverWait wait = pageWait(30);
        // a file added alone takes the title, date and publisher typed above the drop zone
        browser.findElement(By.id("upload-title")).sendKeys("River checkpoint brief " + u);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('upload-published').value = '2025-05-06'");
        browser.findElement(By.id("upload-publisher")).sendKeys("Upload Test Desk");
        browser.findElement(By.id("files")).sendKeys(good.toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-list"), "indexed"));
        browser.findElement(By.id("files")).sendKeys(broken.toString());
        wait.until(d -> d.findElements(By.cssSelector("li.upload.failed")).size() == 1);
        var rows = browser.findElements(By.cssSelector("li.upload"));
        assertThat(rows).hasSize(2);
        var done = browser.findElement(By.cssSelector("li.upload.done"));
        assertThat(done.findElement(By.className("name")).getText()).isEqualTo(good.getFileName().toString());
        assertThat(done.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
        var failed = browser.findElement(By.cssSelector("li.upload.failed"));
        assertThat(failed.findElement(By.className("name")).getText()).isEqualTo(broken.getFileName().toString());
        // the reason in plain words, not the PDF library's
        assertThat(failed.findElement(By.className("status")).getText())
                .startsWith("failed: The file could not be read as PDF: it is damaged")
                .doesNotContainIgnoringCase("trailer").doesNotContain("Exception");
        // a failed file's bar is red, not the blue of one under way
        assertThat(failed.findElement(By.tagName("progress")).getCssValue("accent-color"))
                .isEqualTo("rgb(180, 35, 24)");
        screenshot("upload");
        done.findElement(By.linkText("Open the document")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.document h1")));
        assertThat(browser.findElement(By.cssSelector("article.document h1")).getText())
                .isEqualTo("River checkpoint brief " + u);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Upload Test Desk")
                .contains("2025-05-06");
        // an analyst tags the document (readers cannot: the field is not there for them), and takes a tag off
        var tag = browser.findElement(By.id("new-tag"));
        tag.sendKeys("River Checkpoint");
        browser.findElement(By.cssSelector(".add-tag button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tag-message"), "Tags saved"));
        assertThat(browser.findElements(By.cssSelector(".tags form.tag span"))).extracting(e -> e.getText())
                .contains("River Checkpoint");
        browser.findElement(By.id("new-tag")).sendKeys("Not a tag!");
        browser.findElement(By.cssSelector(".add-tag button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tags .form-error")));
        assertThat(browser.findElement(By.id("new-tag")).getAttribute("value")).isEqualTo("Not a tag!");
        browser.findElement(By.cssSelector(".tags form.tag button[aria-label='Remove the tag River Checkpoint']"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tag-message"), "Tags saved"));
        assertThat(browser.findElements(By.cssSelector(".tags form.tag span"))).extracting(e -> e.getText())
                .doesNotContain("River Checkpoint");
    }

    /** An administrator grants a role on the admin page, and the user then has it. */
    @Test
    void adminGrantsARoleThatTheUserThenHas() throws IOException {
        String username = "ui-test-" + WalkingSkeletonTest.uniqueWord().substring(11);
        String kcAdmin = given().baseUri(LocalStack.KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "kcadmin").formParam("password", "kcadmin") // deploy/local/dossier's dev admin
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
        given().baseUri(LocalStack.KEYCLOAK).auth().oauth2(kcAdmin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "email", username + "@dossier.example",
                        "emailVerified", true, "firstName", "Ui", "lastName", "Tester", "credentials",
                        java.util.List.of(Map.of("type", "password", "value", Tokens.PASSWORD, "temporary", false))))
                .post("/admin/realms/dossier/users").then().statusCode(201);
        String userId = given().baseUri(LocalStack.KEYCLOAK).auth().oauth2(kcAdmin)
                .queryParam("username", username).queryParam("exact", true).get("/admin/realms/dossier/users")
                .then().statusCode(200).extract().path("[0].id");
        try {
            given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(username)).queryParam("q", "x")
                    .get("/api/v1/search").then().statusCode(403);

            login(Platform.GATEWAY + "/admin", Tokens.ADMIN);
            WebDriverWait wait = pageWait(20);
            var row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-user='"
                    + username + "']")));
            row.findElement(By.cssSelector("input[value='reader']")).click();
            screenshot("admin");
            row.findElement(By.tagName("button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
            assertThat(browser.findElement(By.cssSelector(".notice")).getText())
                    .contains("Roles of " + username + " changed").contains("next token refresh or sign-in");
            assertThat(browser.getCurrentUrl()).as("the notice comes from a code, not from text in the address")
                    .contains("notice=roles-changed").doesNotContain("Roles");
            assertThat(browser.findElement(By.cssSelector("tr[data-user='" + username + "'] input[value='reader']"))
                    .isSelected()).isTrue();
            // the change is in the audit trail, with who made it
            browser.findElement(By.linkText("audit trail")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.audit-filters")));
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("action")))
                    .selectByValue("ROLES");
            browser.findElement(By.name("target")).sendKeys(username);
            browser.findElement(By.cssSelector("form.audit-filters button")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.audit tbody tr")));
            var event = browser.findElement(By.cssSelector("table.audit tbody tr"));
            assertThat(event.getText()).contains("admin").contains("roles").contains(username)
                    .contains("granted reader");
            assertThat(Accessibility.violations(browser, "audit trail")).isEmpty();
            screenshot("audit-trail");
            // the user's next token has the role: the user may search now
            String fresh = given().baseUri(LocalStack.KEYCLOAK).contentType("application/x-www-form-urlencoded")
                    .formParam("grant_type", "password").formParam("client_id", "dossier-cli")
                    .formParam("username", username).formParam("password", Tokens.PASSWORD)
                    .post("/realms/dossier/protocol/openid-connect/token").then().statusCode(200).extract()
                    .path("access_token");
            given().baseUri(Platform.GATEWAY).auth().oauth2(fresh).queryParam("q", "x").get("/api/v1/search").then()
                    .statusCode(200);
        } finally {
            given().baseUri(LocalStack.KEYCLOAK).auth().oauth2(kcAdmin).delete("/admin/realms/dossier/users/"
                    + userId).then().statusCode(204);
        }
    }

    /**
     * An analyst watches an actor from its page; an editor then files a document naming it under an alias; the bell
     * in the header counts one unread notification, the notifications page links the document, and marking all read
     * clears the count.
     */
    @Test
    void analystWatchesAnActorAndTheBellCountsANewDocumentNamingIt() throws IOException {
        String u = WalkingSkeletonTest.uniqueWord();
        String name = "Saraya Watched " + u;
        String editor = Tokens.forUser(Tokens.EDITOR);
        String entityId = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", name, "names",
                        java.util.List.of(Map.of("value", "Watchers Brigade " + u, "lang", "en"))))
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
        // the search service knows the entity (a watch names only entities of the registry)
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(editor).queryParam("q", name)
                        .get("/api/v1/search/entities").then().statusCode(200).extract().jsonPath()
                        .<String>getList("entities.id").contains(entityId));

        login(Platform.GATEWAY + "/entities/" + entityId, Tokens.ANALYST);
        WebDriverWait wait = pageWait(20);
        browser.findElement(By.id("watch-entity")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("watch-name")));
        assertThat(browser.findElement(By.id("watch-name")).getAttribute("value")).isEqualTo(name);
        browser.findElement(By.cssSelector("input[name=delivery][value=immediate]")).click();
        screenshot("watch-form");
        browser.findElement(By.id("watch-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.watches")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).startsWith("Watching.");
        assertThat(browser.findElement(By.cssSelector("table.watches tbody")).getText()).contains(name)
                .contains("by e-mail at once").contains("none yet");

        // and, as an integrator would, a webhook: a receiver on this machine, its address and secret in the form
        BlockingQueue<Map<String, Object>> delivered = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/dossier-hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            delivered.add(Map.of("signature", String.valueOf(exchange.getRequestHeaders()
                    .getFirst("X-Dossier-Signature-256")), "body", body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String secret = "receiver-secret-" + u;
        // a cloud metadata address is refused, in words, on the page
        browser.findElement(By.id("webhook-url")).sendKeys("http://169.254.169.254/latest/meta-data/");
        browser.findElement(By.id("webhook-secret")).sendKeys(secret);
        browser.findElement(By.id("webhook-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice.failed")));
        assertThat(browser.findElement(By.cssSelector(".notice.failed")).getText())
                .isEqualTo("Webhook not added: the address: 169.254.169.254 is a link-local or cloud metadata address");
        // the address typed stays in the form, to be corrected
        assertThat(browser.findElement(By.id("webhook-url")).getAttribute("value"))
                .isEqualTo("http://169.254.169.254/latest/meta-data/");
        browser.findElement(By.id("webhook-url")).clear();
        screenshot("webhook-refused");
        browser.findElement(By.id("webhook-url"))
                .sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/dossier-hook");
        browser.findElement(By.id("webhook-secret")).sendKeys(secret);
        browser.findElement(By.id("webhook-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.webhooks")));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).startsWith("Webhook added.");
        assertThat(browser.findElement(By.cssSelector("table.webhooks tbody")).getText()).contains("/dossier-hook")
                .contains("every watch").contains("Active");
        screenshot("watches");

        String sourceId = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                // an Arabic statement naming the actor by its English alias: the notification shows its title as
                // written
                .body(Map.of("title", "بيان " + u, "text", "أعلنت The Watchers Brigade " + u
                        + " عن قائد جديد يوم الثلاثاء."))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String analyst = Tokens.forUser(Tokens.ANALYST);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(analyst)
                        .get("/api/v1/notifications/unread").then().statusCode(200).extract()
                        .<Integer>path("unread") == 1);

        // and the e-mail reached the local SMTP server (GreenMail), with a link to the document
        await("the e-mail arrives").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get(LocalStack.MAIL_API + "/api/user/analyst@dossier.example/messages/INBOX")
                        .then().statusCode(200).extract().jsonPath().<Map<String, String>>getList("$").stream()
                        .anyMatch(m -> String.valueOf(m.get("subject")).contains(name)
                                && m.get("mimeMessage").contains("/documents/" + sourceId)));

        // and the webhook's receiver got the notification, signed with its secret
        try {
            Map<String, Object> delivery = delivered.poll(30, TimeUnit.SECONDS);
            assertThat(delivery).as("a webhook delivery").isNotNull();
            byte[] body = (byte[]) delivery.get("body");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(delivery.get("signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
            JsonPath payload = new JsonPath(new String(body, StandardCharsets.UTF_8));
            assertThat(payload.<String>getList("notifications.documentId")).containsExactly(sourceId);
            assertThat(payload.<String>getList("notifications.title")).containsExactly("بيان " + u);
        } catch (InterruptedException | GeneralSecurityException e) {
            throw new AssertionError(e);
        } finally {
            receiver.stop(0);
        }

        browser.get(Platform.GATEWAY + "/search");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#bell .badge")));
        assertThat(browser.findElement(By.cssSelector("#bell .badge")).getText()).startsWith("1");
        screenshot("bell");
        browser.findElement(By.id("bell")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.notifications")));
        assertThat(browser.findElement(By.id("unread")).getText()).isEqualTo("1 unread");
        var item = browser.findElement(By.cssSelector("ol.notifications li.unread"));
        assertThat(item.getText()).contains("بيان " + u).contains("names " + name);
        assertThat(item.findElement(By.tagName("a")).getAttribute("href")).endsWith("/documents/" + sourceId);
        screenshot("notifications");
        browser.findElement(By.cssSelector("form[action='/notifications/read'] button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("unread"), "0 unread"));
        assertThat(browser.findElements(By.cssSelector("#bell .badge"))).isEmpty();
    }

    /**
     * An analyst selects a passage naming an actor and notes it; the passage is marked in the text and leads to the
     * note; a passage that is not in the text is refused beside the form with what was typed kept; in an Arabic
     * document the keyboard alone notes a passage typed in the form; the search finds the document by the note's
     * words and shows the note; the actor's page lists the note; a reader sees the notes without the forms; the author
     * edits and deletes a note.
     */
    @Test
    void analystNotesAPassageAndTheActorsPageListsIt() throws IOException {
        String u = WalkingSkeletonTest.uniqueWord();
        String editor = Tokens.forUser(Tokens.EDITOR);
        String actor = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", "Saraya Notewatch " + u))
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
        String analyst = Tokens.forUser(Tokens.ANALYST);
        String text = "At dawn Saraya Notewatch " + u + " fighters closed the road to the dam, witnesses said.";
        String english = given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("title", "Road closed " + u, "text", text)).post("/api/v1/sources").then()
                .statusCode(201).extract().path("id");
        String arabic = given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                .body(Map.of("title", "إغلاق الطريق " + u, "text", "أغلق مقاتلون الطريق إلى السد فجرا، بحسب شهود. " + u,
                        "language", "ar"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(analyst, u) == 2);

        login(Platform.GATEWAY + "/documents/" + english, Tokens.ANALYST);
        WebDriverWait wait = pageWait(20);
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#notes .meta")));
        // the words "Saraya Notewatch <u> fighters" selected in the text: the form's passage, and a button beside it
        String passage = "Saraya Notewatch " + u + " fighters";
        js.executeScript("""
                const text = document.querySelector('article.document .doc-text');
                const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
                const nodes = []; let n; while ((n = walker.nextNode())) nodes.push(n);
                const at = (offset) => { let seen = 0; for (const node of nodes) { const len = node.textContent.length;
                    if (offset <= seen + len) return [node, offset - seen]; seen += len; } };
                const whole = nodes.map((x) => x.textContent).join('');
                const start = whole.indexOf(arguments[0]);
                const [a, ao] = at(start); const [b, bo] = at(start + arguments[0].length);
                const range = document.createRange(); range.setStart(a, ao); range.setEnd(b, bo);
                getSelection().removeAllRanges(); getSelection().addRange(range);""", passage);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-selection")));
        assertThat(browser.findElement(By.id("note-quote")).getAttribute("value")).isEqualTo(passage);
        assertThat(browser.findElement(By.id("note-start")).getAttribute("value"))
                .isEqualTo(Integer.toString(text.indexOf(passage)));
        browser.findElement(By.id("note-selection")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("note-text");
        browser.switchTo().activeElement().sendKeys("Second closure this month " + u + "; ask who ordered it.");
        browser.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.note")));
        assertThat(browser.findElement(By.cssSelector("#notes .notice")).getText()).isEqualTo("Note added.");
        assertThat(browser.findElements(By.cssSelector(".doc-text .noted")).stream().map(WebElement::getText)
                .reduce("", String::concat)).isEqualTo(passage);
        // a passage the text does not hold: refused beside the form, in plain words, what was typed kept
        browser.findElement(By.id("note-quote")).sendKeys("words that are nowhere");
        browser.findElement(By.id("note-text")).sendKeys("kept as typed");
        browser.findElement(By.cssSelector("#note-form button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-error")));
        assertThat(browser.findElement(By.id("note-error")).getText())
                .contains("passage is not in the document's text");
        assertThat(browser.findElement(By.id("note-quote")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("note-text")).getAttribute("value")).isEqualTo("kept as typed");
        List<String> found = new java.util.ArrayList<>(Accessibility.violations(browser, "document with a note and a "
                + "refused one"));
        screenshot("document-notes");

        // the Arabic document, by keyboard alone: the passage typed, Tab to the note, Tab to the button, Enter
        browser.get(Platform.GATEWAY + "/documents/" + arabic);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-quote")));
        browser.findElement(By.id("note-quote")).click();
        new org.openqa.selenium.interactions.Actions(browser).sendKeys("الطريق إلى السد").sendKeys(
                org.openqa.selenium.Keys.TAB).sendKeys("أي سد؟ " + u).sendKeys(org.openqa.selenium.Keys.TAB)
                .sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.note")));
        assertThat(browser.findElement(By.cssSelector("article.note blockquote")).getText())
                .isEqualTo("الطريق إلى السد");
        assertThat(browser.findElement(By.cssSelector("article.note blockquote")).getAttribute("dir")).isEqualTo("rtl");
        found.addAll(Accessibility.violations(browser, "Arabic document with a note"));
        screenshot("document-arabic-notes");

        // the search finds the English document by its note's words, and shows the note
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .baseUri(Platform.GATEWAY).auth().oauth2(analyst).get("/api/v1/search/notes?entity=" + actor).then()
                .extract().jsonPath().getList("notes").size() == 1);
        browser.get(Platform.GATEWAY + "/search?q=ordered+" + u);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.hit .note-snippet")));
        assertThat(browser.findElements(By.cssSelector("li.hit .note-snippet mark")).stream().map(WebElement::getText))
                .contains("ordered", u);
        // the actor's page lists it, and leads to it
        browser.get(Platform.GATEWAY + "/entities/" + actor);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".entity-notes li")));
        assertThat(browser.findElement(By.cssSelector(".entity-notes li")).getText())
                .contains(passage, "Second closure this month", "analyst");
        js.executeScript("document.getElementById('notes-heading').scrollIntoView()");
        screenshot("entity-notes");
        browser.findElement(By.cssSelector(".entity-notes li a")).click();
        wait.until(ExpectedConditions.urlContains("#note-"));

        // the author edits the note and deletes it
        WebElement note = browser.findElement(By.cssSelector("article.note"));
        note.findElement(By.tagName("summary")).click();
        WebElement edit = note.findElement(By.tagName("textarea"));
        edit.clear();
        edit.sendKeys("Third closure, in fact.");
        note.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#notes .notice"), "Note saved."));
        assertThat(browser.findElement(By.cssSelector("article.note .note-text")).getText())
                .isEqualTo("Third closure, in fact.");
        assertThat(browser.findElement(By.cssSelector("article.note .meta")).getText()).contains("changed by analyst");

        // a reader sees the notes, not the forms
        browser.get(Platform.GATEWAY + "/logout");
        login(Platform.GATEWAY + "/documents/" + english, Tokens.READER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.note")));
        assertThat(browser.findElements(By.id("note-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("article.note details.edit"))).isEmpty();
        browser.get(Platform.GATEWAY + "/logout");
        login(Platform.GATEWAY + "/documents/" + english, Tokens.ANALYST);
        note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.note")));
        note.findElement(By.tagName("summary")).click();
        note.findElement(By.cssSelector("form.delete-note button")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#notes .notice"), "Note deleted."));
        assertThat(browser.findElements(By.cssSelector("article.note"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".doc-text .noted"))).isEmpty();
        assertThat(found).isEmpty();
    }

    /**
     * The analysts' pages pass the axe-core accessibility rules (WCAG 2.1 A and AA) with nothing moderate, serious or
     * critical:
     * the landing page, results with facets, histogram and the preview open, a document, an entity page with an
     * editor's forms open, the upload page and the watches, in English and in Arabic.
     */
    /**
     * An editor works the candidates queue with the keyboard: a new group's name found in two briefs, with its
     * passages, is added as a new entity, and both briefs are then linked to it; a new commander's name is rejected
     * and stays out of the queue; an Arabic name stands beside them, right to left.
     */
    @Test
    void editorWorksTheCandidatesQueueWithTheKeyboard() throws IOException {
        String u = WalkingSkeletonTest.uniqueWord();
        String capital = Character.toUpperCase(u.charAt(0)) + u.substring(1);
        String group = "Saraya " + capital;
        String commander = "Abu " + capital + " al-Qasimi";
        String arabic = "كتائب " + arabicWord(u);
        String analyst = Tokens.forUser(Tokens.ANALYST);
        List<String> briefs = new java.util.ArrayList<>();
        for (String text : List.of("Fighters of " + group + " fired rockets near the airport. Its leader "
                + commander + " spoke on television.",
                "A statement by " + group + " denied it; " + commander
                        + " was not seen again.")) {
            briefs.add(given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                    .body(Map.of("title", "Brief " + briefs.size(), "text", text)).post("/api/v1/sources").then()
                    .statusCode(201).extract().path("id"));
        }
        for (int i = 0; i < 2; i++) {
            given().baseUri(Platform.GATEWAY).auth().oauth2(analyst).contentType(ContentType.JSON)
                    .body(Map.of("title", "بيان " + i, "text", "أعلنت " + arabic + " مسؤوليتها عن الهجوم " + i + ".",
                            "language", "ar"))
                    .post("/api/v1/sources").then().statusCode(201);
        }
        String editor = Tokens.forUser(Tokens.EDITOR);
        await("the names are queued").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(editor)
                        .get("/api/v1/candidates?trend=new&size=100").then().statusCode(200).extract().jsonPath()
                        .getList("candidates.name").containsAll(List.of(group, commander, arabic)));

        login(Platform.GATEWAY + "/candidates?trend=new", Tokens.EDITOR);
        WebDriverWait wait = pageWait(20);
        By ours = By.xpath("//li[contains(@class,'candidate')][.//h2/span[text()='" + group + "']]");
        screenshot("candidates");
        assertThat(browser.findElements(ours)).as("%s listed on %s", group, browser.findElement(By.tagName("main"))
                .getText()).isNotEmpty();
        WebElement candidate = browser.findElement(ours);
        assertThat(candidate.getText()).contains("2 documents", "Organization");
        assertThat(candidate.findElements(By.cssSelector("blockquote mark"))).hasSize(2)
                .allSatisfy(mark -> assertThat(mark.getText()).isEqualTo(group));
        WebElement arabicName = browser.findElement(By.xpath("//li[contains(@class,'candidate')]//h2/span[text()='"
                + arabic + "']"));
        assertThat(arabicName.getAttribute("dir")).isEqualTo("auto");
        List<String> found = new java.util.ArrayList<>(Accessibility.violations(browser, "candidates"));
        screenshot("candidates");

        // with the keyboard: Tab from the page's top to the group's "Add as a new organization", then Enter
        WebElement add = candidate.findElement(By.xpath(".//button[starts-with(normalize-space(.), 'Add as a new')]"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.activeElement.blur()");
        for (int i = 0; i < 200 && !add.equals(browser.switchTo().activeElement()); i++) {
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement()).as("reached with Tab").isEqualTo(add);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Added to the "
                + "registry"));
        assertThat(browser.findElements(ours)).as("no longer proposed").isEmpty();
        String entity = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).queryParam("name", group)
                .get("/api/v1/entities").then().statusCode(200).extract().jsonPath()
                .getString("entities.find { it.primaryName == '" + group + "' }.id");
        assertThat(entity).as("the entity made").isNotNull();
        await("both briefs linked to it").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(editor).queryParam("q", "*")
                        .queryParam("entity", entity).get("/api/v1/search").then().statusCode(200).extract()
                        .jsonPath().getList("hits.id", String.class).containsAll(briefs));

        // the commander is rejected, and stays out of the queue
        By commanderItem = By.xpath("//li[contains(@class,'candidate')][.//h2/span[text()='" + commander + "']]");
        browser.findElement(commanderItem).findElement(By.xpath(".//button[normalize-space(.)='Reject']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Rejected"));
        assertThat(browser.findElements(commanderItem)).isEmpty();
        assertThat(given().baseUri(Platform.GATEWAY).auth().oauth2(editor).get("/api/v1/candidates?trend=new&size=100")
                .then().statusCode(200).extract().jsonPath().getList("candidates.name")).doesNotContain(commander,
                        group);
        found.addAll(Accessibility.violations(browser, "candidates after a decision"));
        screenshot("candidates-decided");
        assertThat(found).isEmpty();

        // a reader is not an editor: the page says so in plain words
        browser.get(Platform.GATEWAY + "/logout");
        login(Platform.GATEWAY + "/search", Tokens.READER);
        assertThat(browser.findElements(By.linkText("Candidates"))).isEmpty();
        browser.get(Platform.GATEWAY + "/candidates");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("{", "Exception");
        screenshot("candidates-not-an-editor");
    }

    /**
     * A spelling the registry lacks is a possible mention of the entity it matches: shown apart in the text, counted
     * nowhere; an editor confirms it from the document's page, the spelling becomes a name, and the document is
     * linked again, the mention now a link.
     */
    @Test
    void editorConfirmsAPossibleMentionFromTheDocumentsPage() throws IOException {
        String u = WalkingSkeletonTest.uniqueWord();
        String capital = Character.toUpperCase(u.charAt(0)) + u.substring(1);
        String registered = "Abu " + capital + " al-Muhandis";
        String spelling = "Abu " + capital + " al-Mohandes";
        String editor = Tokens.forUser(Tokens.EDITOR);
        String entity = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "PERSON", "primaryName", registered)).post("/api/v1/entities").then()
                .statusCode(201).extract().path("id");
        awaitLinkable(registered, entity, editor);
        String document = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON).body(Map.of("title", "Mural", "text", "A mural of " + spelling
                        + " appeared overnight."))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        JsonPath before = awaitPossibleMention(document, editor);
        assertThat(before.getString("possibleMentions[0].entityId")).isEqualTo(entity);
        assertThat(before.getList("mentions")).as("not a link").isEmpty();

        login(Platform.GATEWAY + "/documents/" + document, Tokens.EDITOR);
        WebDriverWait wait = pageWait(20);
        WebElement dashed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".doc-text a.mention.possible")));
        assertThat(dashed.getText()).isEqualTo(spelling);
        assertThat(dashed.getAttribute("title")).startsWith("Possibly " + registered);
        List<String> found = new java.util.ArrayList<>(Accessibility.violations(browser, "possible mention"));
        screenshot("possible-mention");
        confirmPossibleMention(wait, document, entity, spelling, editor);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".doc-text a.mention")));
        assertThat(browser.findElements(By.cssSelector(".doc-text a.mention.possible"))).isEmpty();
        assertThat(found).isEmpty();
    }

    /**
     * In an Arabic text: a man registered as أبو … المحمداوي, written أبو … المحمدوي (one alef fewer), is a possible
     * mention, shown dashed inside the right-to-left text, and confirmed from the keyboard.
     */
    @Test
    void anArabicSpellingTheRegistryLacksIsAPossibleMentionInTheRightToLeftText() throws IOException {
        String u = WalkingSkeletonTest.uniqueWord();
        String word = arabicWord(u);
        String primary = "Abu Browser " + u + " al-Mohammadawi";
        String registered = "أبو " + word + " المحمداوي";
        String spelling = "أبو " + word + " المحمدوي";
        String editor = Tokens.forUser(Tokens.EDITOR);
        String entity = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "PERSON", "primaryName", primary, "names",
                        List.of(Map.of("value", registered, "lang", "ar"))))
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
        awaitLinkable(registered, entity, editor);
        String document = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON).body(Map.of("title", "بيان من البصرة", "language", "ar", "text",
                        "قال " + spelling + " إن الفصائل ستواصل عملها في البصرة. وأضاف أن المقاتلين عادوا."))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        JsonPath before = awaitPossibleMention(document, editor);
        assertThat(before.getString("possibleMentions[0].entityId")).isEqualTo(entity);
        assertThat(before.getString("possibleMentions[0].surface")).isEqualTo(spelling);
        assertThat(before.getList("mentions")).as("not a link").isEmpty();

        login(Platform.GATEWAY + "/documents/" + document, Tokens.EDITOR);
        WebDriverWait wait = pageWait(20);
        WebElement dashed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".doc-text a.mention.possible")));
        assertThat(dashed.getText()).isEqualTo(spelling);
        assertThat(dashed.getAttribute("title")).startsWith("Possibly " + primary);
        assertThat(browser.findElement(By.cssSelector(".doc-text")).getAttribute("dir")).isEqualTo("rtl");
        List<String> found = new java.util.ArrayList<>(Accessibility.violations(browser, "Arabic possible mention"));
        screenshot("possible-mention-arabic");
        assertThat(browser.findElement(By.cssSelector("#possible button")).getText()).contains(spelling);
        confirmPossibleMention(wait, document, entity, spelling, editor);
        assertThat(found).isEmpty();
    }

    /** The document's view once the search service shows a possible mention in it. */
    private static JsonPath awaitPossibleMention(String document, String token) {
        await("a possible mention").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var answer = given().baseUri(Platform.GATEWAY).auth().oauth2(token)
                            .get("/api/v1/search/documents/" + document).then().extract();
                    return answer.statusCode() == 200 && !answer.jsonPath().getList("possibleMentions").isEmpty();
                });
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).get("/api/v1/search/documents/" + document)
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * Confirms the document page's possible mention from the keyboard; the spelling becomes a name of the entity and
     * the document is linked again, the mention now a link.
     */
    private void confirmPossibleMention(WebDriverWait wait, String document, String entity, String spelling,
            String token) {
        browser.findElement(By.cssSelector("#possible button")).sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#possible p.notice"),
                "Added as a name"));
        await("linked again, now a link").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(token)
                        .get("/api/v1/search/documents/" + document).then().extract().jsonPath()
                        .getList("mentions.entityId").contains(entity));
        assertThat(given().baseUri(Platform.GATEWAY).auth().oauth2(token).get("/api/v1/entities/" + entity).then()
                .statusCode(200).extract().jsonPath().getList("names.value")).contains(spelling);
    }

    /**
     * Waits until the registry's linker holds a new entity's name (it is rebuilt at most every 2 s): a source linked
     * before then is linked without the entity, and a spelling of it that the re-linking does not search for (only
     * the registered names are) would never become a possible mention.
     */
    private static void awaitLinkable(String name, String entity, String token) {
        await("the linker knows " + name).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("text", name)).post("/api/v1/mentions").then().statusCode(200).extract()
                        .jsonPath().getList("mentions.entityId").contains(entity));
    }

    /** A word of Arabic letters made from a unique word's characters. */
    private static String arabicWord(String unique) {
        String letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
        StringBuilder out = new StringBuilder();
        for (char c : unique.substring(unique.length() - 8).toCharArray()) {
            out.append(letters.charAt(Character.digit(c, 16) + 1));
        }
        return out.toString();
    }

    @Test
    void thePagesPassTheAccessibilityRules() throws IOException {
        String u = WalkingSkeletonTest.uniqueWord();
        String documentId = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Checkpoint raid near Jurf al-Sakhar " + u, "text", "Kataib Hezbollah fighters"
                        + " held the checkpoint for two days, witnesses said. " + u, "publisher", "Access Test Wire",
                        "publishedAt", "2025-02-11T08:00:00Z"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String arabic = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "بيان عن نقطة التفتيش " + u, "text", "قالت كتائب حزب الله إن مقاتليها "
                        + "سيطروا على نقطة التفتيش يومين. " + u, "language", "ar"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String reader = Tokens.forUser(Tokens.READER);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(reader, u) == 2);
        String editor = Tokens.forUser(Tokens.EDITOR);
        String entity = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", "Saraya Access " + u, "names",
                        List.of(Map.of("value", "سرايا الوصول " + u, "lang", "ar")), "attributes",
                        Map.of("country", List.of("iq"))))
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
        String other = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "PERSON", "primaryName", "Abu Access " + u)).post("/api/v1/entities").then()
                .statusCode(201).extract().path("id");
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("subjectId", other, "objectId", entity, "type", "LEADER_OF"))
                .post("/api/v1/relations").then().statusCode(201);

        login(Platform.GATEWAY + "/search", Tokens.ANALYST);
        WebDriverWait wait = pageWait(20);
        // the rules are live: an image without a text alternative, put on the page, is found
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const i = document.createElement('img'); i.src = '/fonts/none.png'; document.body.append(i);");
        assertThat(Accessibility.violations(browser, "probe")).anySatisfy(v -> assertThat(v).contains("image-alt"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        List<String> found = new java.util.ArrayList<>(Accessibility.violations(browser, "landing"));
        browser.get(Platform.GATEWAY + "/search?q=checkpoint+" + u);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.hit")));
        found.addAll(Accessibility.violations(browser, "results"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.activeElement.blur()");
        new org.openqa.selenium.interactions.Actions(browser).sendKeys("j").perform();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview .preview-doc")));
        found.addAll(Accessibility.violations(browser, "results with the preview"));
        browser.get(Platform.GATEWAY + "/documents/" + documentId + "?q=checkpoint");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.document")));
        found.addAll(Accessibility.violations(browser, "document"));
        // a refused tag: the error beside the field
        browser.findElement(By.id("new-tag")).sendKeys("bad tag!");
        browser.findElement(By.cssSelector(".add-tag button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tags .form-error")));
        found.addAll(Accessibility.violations(browser, "document with a refused tag"));
        browser.get(Platform.GATEWAY + "/documents/" + arabic + "?q=" + java.net.URLEncoder.encode("تفتيش",
                StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.document")));
        found.addAll(Accessibility.violations(browser, "Arabic document"));
        screenshot("document-arabic");
        browser.get(Platform.GATEWAY + "/entities/" + entity);
        wait.until(ExpectedConditions.attributeToBe(By.id("relation-graph"), "data-drawn", "true"));
        for (WebElement summary : browser.findElements(By.cssSelector("details.edit > summary"))) {
            summary.click();
        }
        found.addAll(Accessibility.violations(browser, "entity"));
        browser.get(Platform.GATEWAY + "/upload");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        found.addAll(Accessibility.violations(browser, "upload"));
        browser.get(Platform.GATEWAY + "/watches");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        found.addAll(Accessibility.violations(browser, "watches"));
        // and as an administrator: the admin page, and an entity page with a merge to undo and the editors' forms open
        String twin = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", "Saraya al-Wusul " + u)).post("/api/v1/entities")
                .then().statusCode(201).extract().path("id");
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("from", twin)).post("/api/v1/entities/" + entity + "/merge").then().statusCode(200);
        browser.get(Platform.GATEWAY + "/logout");
        login(Platform.GATEWAY + "/admin", Tokens.ADMIN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        found.addAll(Accessibility.violations(browser, "admin"));
        browser.get(Platform.GATEWAY + "/entities/" + entity);
        wait.until(ExpectedConditions.attributeToBe(By.id("relation-graph"), "data-drawn", "true"));
        for (WebElement summary : browser.findElements(By.cssSelector("details.edit > summary"))) {
            summary.click();
        }
        assertThat(browser.findElements(By.cssSelector(".merges form.undo-merge"))).hasSize(1);
        found.addAll(Accessibility.violations(browser, "entity with a merge and the editors' forms open, as admin"));
        screenshot("entity-forms");
        assertThat(found).isEmpty();
    }

    private void login(String url, String user) {
        browser.get(url);
        WebDriverWait wait = pageWait(20);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(Tokens.PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
    }

    /**
     * A wait that reads the page again when the page it read was replaced. A form posts and the browser loads the
     * answer: an element found in the old page can be gone when its text is read. Chromium then says either "stale
     * element" (a WebDriverException) or an "unknown error" (its node "does not belong to the document"); both mean
     * "look again", and the wait still fails when the timeout passes, with the last error as its cause.
     */
    private WebDriverWait pageWait(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
