package org.gongjian.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * A city-sized directory for the benchmark: communities of {@code unitsPerCommunity} units each, every
 * unit with its leader and its liaison, imported through the directory import as an operator's
 * spreadsheet would be (groups, people with the demo password, authorizations, Tasklist filters).
 */
public final class CityDirectory {

    /** One imported unit and the community it is stationed in. */
    public record Stationed(String unitId, String unitName, String communityId, String communityName, String supervisorId) {}

    private CityDirectory() {
    }

    public static List<Stationed> importCity(DirectoryImport directoryImport, String prefix, int communities, int unitsPerCommunity) {
        List<SeedWorld.Community> communityRows = new ArrayList<>();
        List<SeedWorld.Unit> unitRows = new ArrayList<>();
        List<Stationed> stationed = new ArrayList<>();
        SeedWorld.Supervisor supervisor = new SeedWorld.Supervisor(prefix + "-edu", prefix + " 教育局", List.of());
        for (int c = 1; c <= communities; c++) {
            String communityId = String.format("%s-c%04d", prefix, c);
            String communityName = prefix + " 第" + c + "社区";
            communityRows.add(new SeedWorld.Community(communityId, communityName, "Community " + c,
                    List.of(person(communityId + "-sec", "书记" + c)), List.of(person(communityId + "-staff", "专干" + c)), List.of()));
            for (int u = 1; u <= unitsPerCommunity; u++) {
                String unitId = String.format("%s-u%04d", communityId, u);
                String unitName = communityName + " 驻区单位" + u;
                unitRows.add(new SeedWorld.Unit(unitId, unitName, "school", communityId, supervisor.id(),
                        List.of(person(unitId + "-leader", "书记")), List.of(person(unitId + "-liaison", "联络员"))));
                stationed.add(new Stationed(unitId, unitName, communityId, communityName, supervisor.id()));
            }
        }
        SeedWorld world = new SeedWorld(new SeedWorld.SubDistrict(prefix, prefix + " 街道", prefix), null, null,
                communityRows, List.of(supervisor), List.of(), unitRows, List.of());
        directoryImport.importForDemo(world, "demo");
        return stationed;
    }

    private static SeedWorld.Person person(String id, String name) {
        return new SeedWorld.Person(id, name, null, id + "@city.example.cn");
    }
}
