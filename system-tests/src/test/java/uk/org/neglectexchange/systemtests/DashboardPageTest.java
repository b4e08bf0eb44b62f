package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

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
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The dashboard page in a real browser (Debian's headless Chromium driven by Selenium) against the whole suite: a
 * partnership lead signs in on Keycloak's own login form, the charts load, and an assessment completed through the
 * API shows up in the live feed and in the figures without the page being reloaded. Leaves a screenshot in
 * target/dashboard-screenshots/.
 */
@SystemTest
class DashboardPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String LEAD_AGENCY = "hscp-childrens-services";

    private final URL page;

    DashboardPageTest(SuiteProcesses suite) {
        this.page = suite.url("/dashboard/");
    }

    WebDriver browser;

    @BeforeEach
    void aPartnershipWithSomeHistoryAndABrowser() {
        given().header("Authorization", bearer("hiow-toolkit-editor")).contentType(ContentType.JSON)
                .body(Map.of("version", "1.1.0"))
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(201);
        given().header("Authorization", bearer("hiow-toolkit-editor"))
                .when().post("/api/v1/toolkits/HIOW/editions/1.1.0/publication")
                .then().statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> as(LEAD_AGENCY).when().get("/api/v1/partnerships")
                .then().statusCode(200)
                .body("find { it.code == 'HSCP' }.currentToolkitEdition.version", equalTo("1.1.0")));

        // three children assessed by several agencies, one of them twice (a step up), and an escalation
        String stepsUp = register();
        assess(stepsUp, "hscp-health", "EMOTIONAL", 2);
        assess(stepsUp, "hscp-education", "EMOTIONAL", 3);
        String deprived = register();
        assess(deprived, "hscp-police", "SEVERE_DEPRIVATION", 4);
        assess(register(), "hscp-health", "DEPRESSED_PASSIVE", 2);
        as(LEAD_AGENCY).body(Map.of("childRef", deprived, "otherAgency", "HEALTH",
                        "disagreement", "Referral closed without a home visit", "currentRisk", "MEDIUM"))
                .when().post("/api/v1/escalations")
                .then().statusCode(201);
        // the page reads the figures once when it opens: they must hold this history by then
        await().atMost(PATIENCE).untilAsserted(() -> given().header("Authorization", bearer("hscp-dashboard"))
                .when().get("/api/v1/dashboard")
                .then().statusCode(200)
                .body("childrenByLevel.values().sum()", equalTo(3))
                .body("escalations.open", equalTo(1)));

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
        // while the browser moves between Keycloak and the page, an element just found may already be gone
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("hscp-lead");
        browser.findElement(By.id("password")).sendKeys("hscp-lead-dev-only");
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
        wait.until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        assertEquals("Hampshire Safeguarding Children Partnership", text("partnership-name"));
        assertEquals("hscp-lead", text("signed-in-as"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(
                "const canvases = [...document.querySelectorAll('.chart canvas')];"
                        + "return canvases.length === 7 && canvases.every(canvas => Chart.getChart(canvas) !== undefined);"),
                "Chart.js drew every chart");
        int childrenBefore = Integer.parseInt(text("kpi-children"));
        assertEquals(3, childrenBefore, "the three children assessed before the page opened");
        // a reload would wipe this marker
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

        String childRef = register();
        assess(childRef, LEAD_AGENCY, "DISORGANISED", 3);

        // earlier events may still trickle in live too: the child's own entries are the ones to find
        String completed = wait.until(ExpectedConditions.presenceOfElementLocated(feedItem("assessment.completed", childRef)))
                .getText();
        assertTrue(completed.contains("Disorganised or chaotic") && completed.contains("level 3"),
                "the feed shows the category and level: " + completed);
        wait.until(ExpectedConditions.presenceOfElementLocated(feedItem("assessment.started", childRef)));
        wait.until(d -> text("kpi-children").equals(String.valueOf(childrenBefore + 1)));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"),
                "the page updated without a reload");

        screenshot("dashboard.png");
    }

    /** A new child of HSCP, registered by its lead agency; a made-up name of its own, so it matches no other child. */
    private static String register() {
        String familyName = "Dashboard" + ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        return as(LEAD_AGENCY).body(Map.of("givenName", "Sam", "familyName", familyName,
                        "dateOfBirth", LocalDate.now().minusYears(3).toString()))
                .when().post("/api/v1/children")
                .then().statusCode(201).extract().path("childRef");
    }

    /** One assessment run to completion through the gateway, as the agency systems would: a contribution, a decision. */
    private static void assess(String childRef, String contributor, String category, int level) {
        String assessment = as(LEAD_AGENCY).when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");
        as(contributor).body(Map.of("concerns", List.of("Food cupboard empty at two visits"),
                        "strengths", List.of("Asks for help"),
                        "purpose", "Multi-agency neglect assessment",
                        "lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN",
                        "consent", "GIVEN"))
                .when().post("/api/v1/assessments/{id}/contributions", assessment)
                .then().statusCode(201);
        as(LEAD_AGENCY).body(Map.of("primaryCategory", category, "thresholdLevel", level,
                        "rationale", "Needs met inconsistently",
                        "strengths", List.of("Grandmother nearby"),
                        "childsVoice", "Likes nursery"))
                .when().post("/api/v1/assessments/{id}/completion", assessment)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    /** An agency system's request: its client's token, the acting practitioner, and why it reads a child's record. */
    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "p-" + clientId)
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON);
    }

    private static By feedItem(String type, String childRef) {
        return By.xpath("//ol[@id='feed']/li[@data-type='" + type + "'][span[@class='child' and text()='" + childRef + "']]");
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
                // --no-sandbox: CI runs as root, where Chromium refuses its sandbox; reduced motion: the page then
                // draws without animation, so the screenshot shows the final figures
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1700",
                        "--force-prefers-reduced-motion", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("NX_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }
}
