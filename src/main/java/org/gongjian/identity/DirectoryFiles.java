package org.gongjian.identity;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.gongjian.identity.SeedWorld.Person;

/**
 * Reads the operator's directory file into a {@link SeedWorld}: the seeds' YAML format
 * ({@code seeds/world.yaml}), or an Excel workbook (.xlsx) with these sheets, each with a header row:
 * <ul>
 *   <li>{@code subDistrict}: id, name, nameEn, streetCommittee, finance (one row)</li>
 *   <li>{@code communities}: id, name, nameEn</li>
 *   <li>{@code supervisors}: id, name</li>
 *   <li>{@code departments} (may be left out): id, name</li>
 *   <li>{@code units}: id, name, kind, community, supervisor</li>
 *   <li>{@code people}: id, name, title, email, role, scope — one row per person and role; role is one of
 *       {@link #ROLES}; scope is the community, unit, supervising body or department the role acts for
 *       (empty for street-committee and finance)</li>
 * </ul>
 * Every error found is reported, each naming its sheet, row and column (or line and column in YAML).
 */
public final class DirectoryFiles {

    static final Map<String, SeedWorld.Role> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("street-committee", SeedWorld.Role.STREET_COMMITTEE);
        ROLES.put("finance", SeedWorld.Role.FINANCE);
        ROLES.put("community-secretary", SeedWorld.Role.COMMUNITY_SECRETARY);
        ROLES.put("community-staff", SeedWorld.Role.COMMUNITY_STAFF);
        ROLES.put("residents", SeedWorld.Role.RESIDENTS);
        ROLES.put("unit-leader", SeedWorld.Role.UNIT_LEADER);
        ROLES.put("unit-liaison", SeedWorld.Role.UNIT_LIAISON);
        ROLES.put("supervisor", SeedWorld.Role.SUPERVISOR);
        ROLES.put("department", SeedWorld.Role.DEPARTMENT);
    }

    private static final String ID = "[a-z0-9-]+";
    private static final String PERSON_ID = "[a-z0-9._-]+";

    private DirectoryFiles() {
    }

    /** By the file's name: .xlsx is Excel, .yaml/.yml the seeds' format. */
    public static SeedWorld read(String fileName, InputStream in) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return excel(in);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return yaml(in);
        }
        throw new DirectoryFileException(List.of("file '" + fileName + "': expected .yaml, .yml or .xlsx"));
    }

    public static SeedWorld yaml(InputStream in) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        SeedWorld world;
        try {
            world = yaml.readValue(in, SeedWorld.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new DirectoryFileException(List.of(where + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new DirectoryFileException(List.of("cannot read the file: " + e.getMessage()));
        }
        if (world == null) {
            throw new DirectoryFileException(List.of("the file is empty"));
        }
        try {
            return world.validated();
        } catch (InvalidSeedException e) {
            throw new DirectoryFileException(List.of(e.getMessage()));
        }
    }

    public static SeedWorld excel(InputStream in) {
        try (Workbook workbook = WorkbookFactory.create(in)) {
            return new ExcelReader(workbook).read();
        } catch (IOException | RuntimeException e) {
            if (e instanceof DirectoryFileException d) {
                throw d;
            }
            throw new DirectoryFileException(List.of("cannot read the Excel file: " + e.getMessage()));
        }
    }

    /** One sheet's row, its cells by header name. */
    private record Line(String sheet, int row, Map<String, String> cells, Map<String, Integer> columns) {

        String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String at(String column) {
            Integer c = columns.get(column);
            String letter = c == null ? "?" : CellReference.convertNumToColString(c);
            return "sheet '" + sheet + "', row " + row + ", column " + column + " (" + letter + row + ")";
        }
    }

    private static final class ExcelReader {

        private final Workbook workbook;
        private final List<String> problems = new ArrayList<>();
        private final DataFormatter format = new DataFormatter();

        ExcelReader(Workbook workbook) {
            this.workbook = workbook;
        }

        SeedWorld read() {
            List<Line> sub = lines("subDistrict", true, "id", "name", "nameEn", "streetCommittee", "finance");
            List<Line> communities = lines("communities", true, "id", "name", "nameEn");
            List<Line> supervisors = lines("supervisors", true, "id", "name");
            List<Line> departments = lines("departments", false, "id", "name");
            List<Line> units = lines("units", true, "id", "name", "kind", "community", "supervisor");
            List<Line> people = lines("people", true, "id", "name", "title", "email", "role", "scope");
            if (!problems.isEmpty()) {
                throw new DirectoryFileException(problems);
            }
            if (sub.size() != 1) {
                problems.add("sheet 'subDistrict': expected exactly one row below the header, found " + sub.size());
            }
            for (Line l : sub) {
                required(l, "id", ID);
                required(l, "name", null);
            }
            Set<String> communityIds = ids(communities, "name");
            Set<String> supervisorIds = ids(supervisors, "name");
            Set<String> departmentIds = ids(departments, "name");
            Set<String> unitIds = ids(units, "name");
            for (Line u : units) {
                reference(u, "community", communityIds);
                reference(u, "supervisor", supervisorIds);
            }
            Map<String, Line> personSeen = new HashMap<>();
            Map<String, List<Person>> members = new HashMap<>();
            for (Line p : people) {
                String id = required(p, "id", PERSON_ID);
                String name = required(p, "name", null);
                String email = required(p, "email", null);
                if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    problems.add(p.at("email") + ": '" + email + "' is not an email address");
                }
                String role = required(p, "role", null);
                SeedWorld.Role r = role == null ? null : ROLES.get(role);
                if (role != null && r == null) {
                    problems.add(p.at("role") + ": unknown role '" + role + "', expected one of " + ROLES.keySet());
                }
                String scope = p.get("scope");
                if (r != null) {
                    Set<String> scopes = switch (r) {
                        case STREET_COMMITTEE, FINANCE -> null;
                        case COMMUNITY_SECRETARY, COMMUNITY_STAFF, RESIDENTS -> communityIds;
                        case UNIT_LEADER, UNIT_LIAISON -> unitIds;
                        case SUPERVISOR -> supervisorIds;
                        case DEPARTMENT -> departmentIds;
                    };
                    if (scopes == null && scope != null) {
                        problems.add(p.at("scope") + ": role '" + role + "' has no scope, leave it empty");
                    } else if (scopes != null && scope == null) {
                        problems.add(p.at("scope") + ": role '" + role + "' needs the id of what it acts for");
                    } else if (scopes != null && !scopes.contains(scope)) {
                        problems.add(p.at("scope") + ": no " + r.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                + " scope '" + scope + "' in the file");
                    }
                }
                if (id != null) {
                    Line earlier = personSeen.putIfAbsent(id, p);
                    if (earlier != null && !(Objects.equals(earlier.get("name"), name)
                            && Objects.equals(earlier.get("email"), email))) {
                        problems.add(p.at("name") + ": person '" + id + "' has another name or email in row " + earlier.row());
                    }
                }
                if (id != null && name != null && email != null && r != null) {
                    members.computeIfAbsent(role + "/" + (scope == null ? "" : scope), k -> new ArrayList<>())
                            .add(new Person(id, name, p.get("title"), email));
                }
            }
            if (!problems.isEmpty()) {
                throw new DirectoryFileException(problems);
            }
            Line s = sub.get(0);
            SeedWorld world = new SeedWorld(
                    new SeedWorld.SubDistrict(s.get("id"), s.get("name"), s.get("nameEn")),
                    new SeedWorld.Body(orElse(s.get("streetCommittee"), s.get("name") + "党工委"), of(members, "street-committee", null)),
                    new SeedWorld.Body(orElse(s.get("finance"), s.get("name") + "财政所"), of(members, "finance", null)),
                    communities.stream().map(c -> new SeedWorld.Community(c.get("id"), c.get("name"), c.get("nameEn"),
                            of(members, "community-secretary", c.get("id")), of(members, "community-staff", c.get("id")),
                            of(members, "residents", c.get("id")))).toList(),
                    supervisors.stream().map(x -> new SeedWorld.Supervisor(x.get("id"), x.get("name"),
                            of(members, "supervisor", x.get("id")))).toList(),
                    departments.stream().map(d -> new SeedWorld.Department(d.get("id"), d.get("name"),
                            of(members, "department", d.get("id")))).toList(),
                    units.stream().map(u -> new SeedWorld.Unit(u.get("id"), u.get("name"), u.get("kind"), u.get("community"),
                            u.get("supervisor"), of(members, "unit-leader", u.get("id")),
                            of(members, "unit-liaison", u.get("id")))).toList(),
                    List.of());
            try {
                return world.validated();
            } catch (InvalidSeedException e) {
                throw new DirectoryFileException(List.of(e.getMessage()));
            }
        }

        private static String orElse(String value, String otherwise) {
            return value == null ? otherwise : value;
        }

        private static List<Person> of(Map<String, List<Person>> members, String role, String scope) {
            return members.getOrDefault(role + "/" + (scope == null ? "" : scope), List.of());
        }

        private Set<String> ids(List<Line> lines, String nameColumn) {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Line l : lines) {
                String id = required(l, "id", ID);
                required(l, nameColumn, null);
                if (id != null) {
                    Integer earlier = seen.putIfAbsent(id, l.row());
                    if (earlier != null) {
                        problems.add(l.at("id") + ": id '" + id + "' is already used in row " + earlier);
                    }
                }
            }
            return seen.keySet();
        }

        private void reference(Line l, String column, Set<String> known) {
            String v = required(l, column, null);
            if (v != null && !known.contains(v)) {
                problems.add(l.at(column) + ": no " + column + " '" + v + "' in the file");
            }
        }

        private String required(Line l, String column, String pattern) {
            String v = l.get(column);
            if (v == null) {
                problems.add(l.at(column) + ": empty, but required");
                return null;
            }
            if (pattern != null && !v.matches(pattern)) {
                problems.add(l.at(column) + ": '" + v + "' may hold only "
                        + (pattern.equals(ID) ? "a-z, 0-9 and '-'" : "a-z, 0-9, '.', '_' and '-'"));
                return null;
            }
            return v;
        }

        private List<Line> lines(String sheetName, boolean required, String... columns) {
            Sheet sheet = workbook.getSheet(sheetName);
            if (sheet == null) {
                if (required) {
                    problems.add("sheet '" + sheetName + "' is missing");
                }
                return List.of();
            }
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> index = new LinkedHashMap<>();
            if (header != null) {
                for (Cell cell : header) {
                    index.put(format.formatCellValue(cell).trim(), cell.getColumnIndex());
                }
            }
            for (String c : columns) {
                if (!index.containsKey(c)) {
                    problems.add("sheet '" + sheetName + "', row " + (sheet.getFirstRowNum() + 1)
                            + ": header column '" + c + "' is missing");
                }
            }
            List<Line> lines = new ArrayList<>();
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                boolean empty = true;
                for (Map.Entry<String, Integer> c : index.entrySet()) {
                    String v = format.formatCellValue(row.getCell(c.getValue()));
                    cells.put(c.getKey(), v);
                    empty &= v.isBlank();
                }
                if (!empty) {
                    lines.add(new Line(sheetName, r + 1, cells, index));
                }
            }
            return lines;
        }
    }
}
