package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;

/** A real headless Chromium logs in on the Keycloak page and sees a search result in the gateway's UI. */
@ExtendWith(PlatformExtension.class)
class BrowserSearchTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith("http://localhost:8180/realms/dossier/");
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

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
