package uk.org.neglectexchange.gateway.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.gateway.KeycloakTokens.bearer;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The dashboard page in a real browser (Debian's headless Chromium driven by Selenium) against the whole suite: a
 * partnership lead signs in on Keycloak's own login form, the charts load, and an assessment completed through the
 * API shows up in the live feed and in the figures without the page being reloaded. Leaves a screenshot in
 * target/dashboard-screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(value = SuiteProcesses.class, restrictToAnnotatedClass = true)
class DashboardPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String AGENCY = "hscp-childrens-services";

    @TestHTTPResource("/dashboard/")
    URL page;

    WebDriver browser;

    @BeforeEach
    void aHiowEditionIsPublishedAndTheBrowserStarted() {
        given().header("Authorization", bearer("hiow-toolkit-editor")).contentType(ContentType.JSON)
                .body(Map.of("version", "1.1.0"))
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(201);
        given().header("Authorization", bearer("hiow-toolkit-editor"))
                .when().post("/api/v1/toolkits/HIOW/editions/1.1.0/publication")
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> api().when().get("/api/v1/partnerships")
                .then().statusCode(200)
                .body("find { it.code == 'HSCP' }.currentToolkitEdition.version", equalTo("1.1.0")));
        browser = headlessChromium();
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewAssessmentShowsUpLiveWithoutAReload() throws IOException {
        browser.get(page.toString());
        // Keycloak's own login form, reached by the page's authorization code + PKCE redirect
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("hscp-lead");
        browser.findElement(By.id("password")).sendKeys("hscp-lead-dev-only");
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertEquals("Hampshire Safeguarding Children Partnership", text("partnership-name"));
        assertEquals("hscp-lead", text("signed-in-as"));
        assertTrue(browser.findElements(By.cssSelector(".chart canvas")).size() >= 7, "every chart is drawn");
        int childrenBefore = Integer.parseInt(text("kpi-children"));
        // a reload would wipe this marker
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

        String childRef = aChildIsAssessed();

        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#feed li[data-type='assessment.completed']")));
        wait.until(d -> text("kpi-children").equals(String.valueOf(childrenBefore + 1)));
        String completed = browser.findElement(By.cssSelector("#feed li[data-type='assessment.completed']")).getText();
        assertTrue(completed.contains(childRef), "the feed names the child by its reference: " + completed);
        assertTrue(completed.contains("Disorganised or chaotic") && completed.contains("level 3"),
                "the feed shows the category and level: " + completed);
        assertTrue(browser.findElements(By.cssSelector("#feed li[data-type='assessment.started']")).size() == 1);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"),
                "the page updated without a reload");

        screenshot("dashboard.png");
    }

    /** Registers a child and runs one assessment to completion through the gateway, as an agency system would. */
    private String aChildIsAssessed() {
        String childRef = api().body(Map.of("givenName", "Sam", "familyName", "Dashboard",
                        "dateOfBirth", LocalDate.now().minusYears(3).toString()))
                .when().post("/api/v1/children")
                .then().statusCode(201).extract().path("childRef");
        String assessment = api().when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");
        api().body(Map.of("concerns", List.of("Food cupboard empty at two visits"),
                        "strengths", List.of("Asks for help"),
                        "purpose", "Multi-agency neglect assessment",
                        "lawfulBasis", "PUBLIC_TASK_6_1_E",
                        "specialCategoryCondition", "SAFEGUARDING_SCH1_PARA18",
                        "consent", "GIVEN"))
                .when().post("/api/v1/assessments/{id}/contributions", assessment)
                .then().statusCode(201);
        api().body(Map.of("primaryCategory", "DISORGANISED", "thresholdLevel", 3,
                        "rationale", "Needs met inconsistently",
                        "strengths", List.of("Grandmother nearby"),
                        "childsVoice", "Likes nursery"))
                .when().post("/api/v1/assessments/{id}/completion", assessment)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
        return childRef;
    }

    private static RequestSpecification api() {
        return given().header("Authorization", bearer(AGENCY)).header("X-Practitioner-Id", "sw-1")
                .contentType(ContentType.JSON);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Debian's chromium and chromedriver packages (.ci/run installs them); NX_CHROMIUM and NX_CHROMEDRIVER point
     * elsewhere. Naming both keeps Selenium Manager from trying to download a browser.
     */
    private static WebDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getenv().getOrDefault("NX_CHROMIUM", "/usr/bin/chromium"))
                // --no-sandbox: CI runs as root, where Chromium refuses its sandbox
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1500",
                        "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("NX_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }
}
