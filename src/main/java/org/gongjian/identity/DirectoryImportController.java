package org.gongjian.identity;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrators' page (group camunda-admin) that imports the directory from a file in the
 * seeds' format or an Excel workbook. A file with errors is refused whole (400) with every error.
 */
@Controller
@RequestMapping("/directory-import")
class DirectoryImportController {

    private final DirectoryImport directoryImport;

    DirectoryImportController(DirectoryImport directoryImport) {
        this.directoryImport = directoryImport;
    }

    @GetMapping
    String show() {
        return "identity/directory-import";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", java.util.List.of("file: choose a .yaml, .yml or .xlsx file"));
            return show();
        }
        try (InputStream in = file.getInputStream()) {
            SeedWorld world = DirectoryFiles.read(file.getOriginalFilename(), in);
            model.addAttribute("result", directoryImport.importForProduction(world));
        } catch (DirectoryFileException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
        } catch (IOException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", java.util.List.of("file: cannot be read"));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return show();
    }
}
