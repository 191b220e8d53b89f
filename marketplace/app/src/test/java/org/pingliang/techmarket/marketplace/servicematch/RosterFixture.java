package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Duration;
import java.time.Instant;
import org.pingliang.techmarket.marketplace.commissioner.CommissionerRoster;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.organisation.DemoOrganisationsFixture;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Puts people on the commissioner feature's real roster (its tables, as its demo data does) and sets
 * their standing, so service matching is tested against the real {@link CommissionerRoster}: the demo
 * user {@code commissioner} and made-up subjects, all employed by the demo service provider in 崇信.
 */
@Component
public class RosterFixture {

  /** The demo user {@code commissioner} (see demo/organisations.json). */
  public static final String DEMO_COMMISSIONER = "0b7e1000-0000-4000-8000-000000000006";
  private static final String EMPLOYER = "01941f29-7c00-7000-8000-000000000010";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final DatabaseClient database;
  private final ApplicationContext context;

  RosterFixture(DatabaseClient database, ApplicationContext context) {
    this.database = database;
    this.context = context;
  }

  /** Selects the person if they are not on the roster yet, then gives them this standing. */
  public void set(String subject, CommissionerRoster.Standing standing) {
    var application = Ids.newId();
    var now = Instant.now();
    // The employer must exist: the demo organisations are loaded into the test database on demand.
    DemoOrganisationsFixture.load(context).then(database.sql("""
            INSERT INTO commissioner_applications (id, applicant_subject, name, type, profile, expertise, employer_id,
              region_code, three_regions_talent, status, employer_consent, employer_consent_by, employer_consent_at,
              hr_opinion, decided_by, decided_at, decision_reason)
            SELECT :id, :subject, '测试特派员', 'RURAL', '服务匹配测试', '果树病虫害防治', CAST(:employer AS UUID), '620823',
              false, 'APPROVED', 'GIVEN', 'test', :now, '同意（测试）', 'test', :now, '测试'
            WHERE NOT EXISTS (SELECT 1 FROM commissioners WHERE person_subject = :subject)""")
        .bind("id", application).bind("subject", subject).bind("employer", EMPLOYER).bind("now", now)
        .fetch().rowsUpdated())
        .flatMap(inserted -> inserted == 0 ? database.sql("SELECT 0").fetch().rowsUpdated() : database.sql("""
                INSERT INTO commissioners (id, person_subject, application_id, name, type, expertise, employer_id,
                  region_code, three_regions_talent, standing, selected_at, certificate_number)
                VALUES (:id, :subject, :application, '测试特派员', 'RURAL', '果树病虫害防治', CAST(:employer AS UUID),
                  '620823', false, 'SELECTED', :now, :certificate)""")
            .bind("id", Ids.newId()).bind("subject", subject).bind("application", application)
            .bind("employer", EMPLOYER).bind("now", now).bind("certificate", "测试聘〔" + application + "〕")
            .fetch().rowsUpdated())
        .then(database.sql("UPDATE commissioners SET standing = :standing, updated_at = now(), version = version + 1 "
                + "WHERE person_subject = :subject")
            .bind("standing", standing.name()).bind("subject", subject).fetch().rowsUpdated())
        .block(PATIENCE);
  }
}
