package org.gongjian.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The import as a command: {@code --gongjian.directory.import=/path/to/directory.xlsx} (or .yaml)
 * imports the file, then the application stops (exit code 0, or 2 when the file had errors and
 * nothing was imported). {@code --gongjian.directory.import.exit=false} keeps it running.
 */
@Component
@ConditionalOnProperty("gongjian.directory.import")
@Order(10)
class DirectoryImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImportCommand.class);

    private final DirectoryImport directoryImport;
    private final ConfigurableApplicationContext context;
    private final org.springframework.core.env.Environment environment;

    DirectoryImportCommand(DirectoryImport directoryImport, ConfigurableApplicationContext context,
                           org.springframework.core.env.Environment environment) {
        this.directoryImport = directoryImport;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = importFile(Path.of(environment.getRequiredProperty("gongjian.directory.import")));
        if (environment.getProperty("gongjian.directory.import.exit", Boolean.class, true)) {
            ExitCodeGenerator exit = () -> code;
            System.exit(SpringApplication.exit(context, exit));
        }
    }

    int importFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DirectoryImport.Result result = directoryImport.importForProduction(DirectoryFiles.read(file.getFileName().toString(), in));
            log.info("Directory import of {}: {} groups, {} people, {} changes, password links mailed to {}",
                    file, result.groups(), result.people(), result.changes(), result.linksMailedTo());
            return 0;
        } catch (DirectoryFileException e) {
            log.error("Directory import of {} refused, nothing imported:\n  {}", file, String.join("\n  ", e.problems()));
            return 2;
        } catch (IOException e) {
            log.error("Directory import: cannot read {}: {}", file, e.getMessage());
            return 2;
        }
    }
}
