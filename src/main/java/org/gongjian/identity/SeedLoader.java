package org.gongjian.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes the Camunda identity match the seed file ({@link DirectoryImport}): users, groups and
 * memberships, then the authorizations and filters of each role. Running it twice changes nothing; running it after
 * the file was edited applies the edit. Passwords are set only when a user is created, so a
 * password changed in Admin survives a restart.
 */
@Component
@Profile("demo")
@Order(0)
class SeedLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";
    static final String GROUP_TYPE = DirectoryImport.GROUP_TYPE;

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final SeedWorld world;
    private final DirectoryImport directoryImport;

    SeedLoader(SeedWorld world, DirectoryImport directoryImport) {
        this.world = world;
        this.directoryImport = directoryImport;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    void load() {
        DirectoryImport.Result result = directoryImport.importForDemo(world, DEMO_PASSWORD);
        log.info("Seed world '{}' loaded: {} groups, {} people", result.subDistrict(), result.groups(), result.people());
    }
}
