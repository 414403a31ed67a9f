package org.autocrm.routing.assignment;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An agent's profile as written (every value as on the wire), checked as a whole by {@link #validate()}: a refusal
 * names every field at fault ({@code capacity}, {@code timeZone}, {@code schedule.monday[1]}, {@code languages[0]},
 * {@code groups[2]}, {@code status}).
 *
 * @param schedule slots per weekday ({@code monday} ... {@code sunday}), each {@code {"start": "09:00", "end":
 *                 "17:00"}}, {@code 24:00} for the end of the day; in {@code timeZone} (UTC when left out)
 * @param status   {@code available}, {@code away} or {@code offline}
 */
public record AgentSettingsDefinition(List<String> skills, List<String> languages, Integer capacity, String timeZone,
                                      Map<String, List<SlotDefinition>> schedule, String status, List<String> groups) {

    static final int MAX_CAPACITY = 10_000;
    private static final int MAX_WORD = 100;

    /** One working stretch as written. */
    public record SlotDefinition(String start, String end) {
    }

    public AgentProfile validate() {
        List<SettingsProblem> problems = new ArrayList<>();
        Set<String> checkedSkills = words("skills", skills, problems);
        Set<String> checkedLanguages = languages(problems);
        if (capacity != null && (capacity < 0 || capacity > MAX_CAPACITY)) {
            problems.add(new SettingsProblem("capacity", "must be between 0 and " + MAX_CAPACITY
                    + " open tickets (leave it out for no personal cap), not " + capacity));
        }
        ZoneId zone = zone(problems);
        Map<DayOfWeek, List<TimeSlot>> slots = schedule(problems);
        Availability availability = null;
        if (status == null) {
            problems.add(new SettingsProblem("status", "required: available, away or offline"));
        } else {
            availability = GroupSettingsDefinition.WireNames.parse(Availability.class, status);
            if (availability == null) {
                problems.add(new SettingsProblem("status", "unknown status \"" + status
                        + "\"; use available, away or offline"));
            }
        }
        Set<String> checkedGroups = new LinkedHashSet<>();
        if (groups != null) {
            for (int i = 0; i < groups.size(); i++) {
                if (!Ids.wellFormed(groups.get(i))) {
                    problems.add(new SettingsProblem("groups[" + i + "]", "not a group id: " + Ids.describe()));
                } else {
                    checkedGroups.add(groups.get(i));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        return new AgentProfile(checkedSkills, checkedLanguages, capacity, zone, slots, availability, checkedGroups);
    }

    /** The profile written back the way it is written. */
    public static AgentSettingsDefinition of(AgentProfile profile) {
        Map<String, List<SlotDefinition>> slots = new java.util.LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeSlot> daySlots = profile.schedule().get(day);
            if (daySlots != null && !daySlots.isEmpty()) {
                slots.put(day.name().toLowerCase(Locale.ROOT), daySlots.stream()
                        .map(s -> new SlotDefinition(AgentProfile.wireTime(s.start()), AgentProfile.wireTime(s.end())))
                        .toList());
            }
        }
        return new AgentSettingsDefinition(profile.skills().stream().sorted().toList(),
                profile.languages().stream().sorted().toList(), profile.capacity(), profile.timeZone().getId(), slots,
                GroupSettingsDefinition.WireNames.of(profile.status()), profile.groups().stream().sorted().toList());
    }

    private static Set<String> words(String field, List<String> values, List<SettingsProblem> problems) {
        Set<String> checked = new LinkedHashSet<>();
        if (values == null) {
            return checked;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank() || value.strip().length() > MAX_WORD) {
                problems.add(new SettingsProblem(field + "[" + i + "]", "must be 1 to " + MAX_WORD + " characters"));
            } else {
                checked.add(value.strip());
            }
        }
        return checked;
    }

    private Set<String> languages(List<SettingsProblem> problems) {
        Set<String> checked = new LinkedHashSet<>();
        if (languages == null) {
            return checked;
        }
        for (int i = 0; i < languages.size(); i++) {
            String tag = languages.get(i);
            String language = tag == null ? "" : Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
            if (language.isEmpty()) {
                problems.add(new SettingsProblem("languages[" + i + "]", "not a language tag (such as de or pt-BR): \""
                        + tag + "\""));
            } else {
                checked.add(tag.strip());
            }
        }
        return checked;
    }

    private ZoneId zone(List<SettingsProblem> problems) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            problems.add(new SettingsProblem("timeZone", "unknown time zone \"" + timeZone
                    + "\"; use an IANA name such as Europe/Berlin"));
            return null;
        }
    }

    private Map<DayOfWeek, List<TimeSlot>> schedule(List<SettingsProblem> problems) {
        Map<DayOfWeek, List<TimeSlot>> checked = new EnumMap<>(DayOfWeek.class);
        if (schedule == null) {
            return checked;
        }
        schedule.forEach((dayName, slots) -> {
            DayOfWeek day = day(dayName);
            String path = "schedule." + dayName;
            if (day == null) {
                problems.add(new SettingsProblem(path, "not a weekday; use monday ... sunday"));
                return;
            }
            if (checked.containsKey(day)) {
                problems.add(new SettingsProblem(path, day.name().toLowerCase(Locale.ROOT) + " is given twice"));
                return;
            }
            List<TimeSlot> daySlots = new ArrayList<>();
            List<SlotDefinition> given = slots == null ? List.of() : slots;
            for (int i = 0; i < given.size(); i++) {
                TimeSlot slot = slot(path + "[" + i + "]", given.get(i), problems);
                if (slot == null) {
                    continue;
                }
                for (int j = 0; j < daySlots.size(); j++) {
                    TimeSlot earlier = daySlots.get(j);
                    if (slot.start().isBefore(earlier.end()) && earlier.start().isBefore(slot.end())) {
                        problems.add(new SettingsProblem(path + "[" + i + "]", "overlaps " + path + "[" + j + "] ("
                                + AgentProfile.wireTime(earlier.start()) + "–" + AgentProfile.wireTime(earlier.end())
                                + ")"));
                    }
                }
                daySlots.add(slot);
            }
            checked.put(day, daySlots);
        });
        checked.values().removeIf(List::isEmpty);
        return checked;
    }

    private static TimeSlot slot(String path, SlotDefinition slot, List<SettingsProblem> problems) {
        if (slot == null) {
            problems.add(new SettingsProblem(path, "required: {\"start\": \"09:00\", \"end\": \"17:00\"}"));
            return null;
        }
        LocalTime start = time(path + ".start", slot.start(), false, problems);
        LocalTime end = time(path + ".end", slot.end(), true, problems);
        if (start == null || end == null) {
            return null;
        }
        if (!start.isBefore(end)) {
            problems.add(new SettingsProblem(path, "must end after it starts (" + slot.start() + "–" + slot.end()
                    + "); a shift past midnight is two slots, one on each day"));
            return null;
        }
        return new TimeSlot(start, end);
    }

    private static LocalTime time(String path, String value, boolean mayBeEndOfDay, List<SettingsProblem> problems) {
        if (value == null) {
            problems.add(new SettingsProblem(path, "required: a time such as 09:00"));
            return null;
        }
        if (mayBeEndOfDay && value.strip().equals("24:00")) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new SettingsProblem(path, "not a time such as 09:00" + (mayBeEndOfDay ? " or 24:00" : "")
                    + ": \"" + value + "\""));
            return null;
        }
    }

    private static DayOfWeek day(String name) {
        if (name == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
