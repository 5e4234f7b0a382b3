"""Words the rendered minutes use, per language; a group file may override any of them."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

LABELS: dict[str, dict[str, str]] = {
    "cs": {
        "minutes": "Zápis",
        "draft": "návrh",
        "page": "Strana",
        "page_of": "z",
        "draft_notice": "Návrh – zápis dosud nebyl schválen.",
        "approved": "schváleno",
        "amendments": "Změny po schválení",
        "redacted": "[anonymizováno]",
        "col_number": "Č.",
        "col_title": "Název",
        "col_open_tasks": "Otevřené úkoly",
        "meetings_title": "Jednání",
        "tasks_nav": "Úkoly",
        "search": "Hledat",
        "search_title": "Hledání v zápisech",
        "search_none": "Nic nenalezeno.",
        "search_found": "Nalezeno: {count}",
        "search_script": "Hledání potřebuje zapnutý JavaScript.",
        "calendar_meeting": "Jednání {short}",
        "calendar_tentative": "předběžně",
        "overdue": "po termínu",
        "name": "název",
        "date": "datum",
        "place": "místo",
        "attendees": "účastníci",
        "attachments": "přílohy zápisu",
        "pages": "Stran",
        "pages_original": "Stran originálu",
        "present": "Přítomni",
        "excused": "Omluveni",
        "absent": "Nepřítomni",
        "guests": "Hosté",
        "section_a": "A Průběh jednání",
        "item": "Bod {number} – {title}",
        "presenters": "Předkládá",
        "presenters_plural": "Předkládají",
        "duration": "({minutes} min.)",
        "item_labelled": "{label} {title}",
        "item_unnumbered": "{title}",
        "subitem": "{title}",
        "item_entry": "",
        "programme_entry": "",
        "names_last": ", ",
        "date_range": "{first} – {last}",
        "started": "(zahájeno v {time})",
        "approval_not_recorded": "",
        "published": "zveřejněno",
        "programme": "Program jednání",
        "chair": "Předsedající",
        "minute_taker_female": "Zapisovatelka",
        "minute_taker_male": "Zapisovatel",
        "minute_taker": "Zapisovatel(ka)",
        "verifiers": "Ověřovatelé zápisu",
        "verifier_female": "Ověřovatelka zápisu",
        "verifier_male": "Ověřovatel zápisu",
        "verifier": "Ověřovatel(ka) zápisu",
        "person_role": "{person}, {role}",
        "person_note": "{person} ({note})",
        "attendance_count": "({count})",
        "attendance_nobody": "–",
        "quorum": "Přítomno {present} z {members} členů",
        "quorum_present": "Přítomno {present} členů",
        "quorate_yes": "usnášeníschopné",
        "quorate_no": "neusnášeníschopné",
        "proposal": "Návrh usnesení",
        "vote_record": "({votes})",
        "vote_for": "pro {count}",
        "vote_against": "proti {count}",
        "vote_abstained": "zdrželo se {count}",
        "vote_absent": "nepřítomno {count}",
        "vote_not_voting": "nehlasovalo {count}",
        "unanimous": "jednomyslně",
        "roll_call": "Jmenovité hlasování",
        "roll_call_no_answer": "neodpověděl(a)",
        "roll_call_no_answer_female": "neodpověděla",
        "roll_call_no_answer_male": "neodpověděl",
        "per_rollam": "Hlasování per rollam",
        "per_rollam_question": "Otázka",
        "per_rollam_period": "Hlasování probíhalo od {opened} do {deadline}.",
        "per_rollam_rule": "Pravidlo",
        "per_rollam_votes": "Odpovědi členů",
        "per_rollam_confirmed": "Výsledek hlasování byl potvrzen na jednání {meeting}.",
        "roll_call_for": "pro",
        "roll_call_against": "proti",
        "roll_call_abstained": "zdržel(a) se",
        "roll_call_abstained_female": "zdržela se",
        "roll_call_abstained_male": "zdržel se",
        "roll_call_absent": "nepřítomen(a)",
        "roll_call_not_voting": "nehlasoval(a)",
        "outcome_noted": "vzato na vědomí",
        "outcome_withdrawn": "staženo",
        "outcome_postponed": "odloženo",
        "verified_by_plural": "Ověřovatelé",
        "approved_at": "Zápis byl schválen",
        "approved_at_meeting": "na jednání {meeting}",
        "approved_at_date": "dne {date}",
        "approved_at_decision": "usnesením č. {decision}",
        "section_b": "B Úkoly",
        "no_tasks": "Žádné úkoly.",
        "deadline_prefix": "T:",
        "deadline_ongoing": "průběžně",
        "deadline_next_meeting": "do dalšího jednání",
        "contact": "posílat na",
        "next_meetings_title": "Termíny dalších jednání",
        "next_meeting_firm": "Termín dalšího jednání",
        "next_meeting_tentative": "Termíny v roce {year} (předběžně)",
        "decision": "Usnesení",
        "votes": "pro {for_}, proti {against}, zdrželo se {abstained}",
        "outcome_adopted": "přijato",
        "outcome_rejected": "nepřijato",
        "review": "Úkol {id}",
        "status_open": "otevřený",
        "status_done": "splněno",
        "status_cancelled": "zrušeno",
        "new_deadline": "nový termín",
        "recorded_by_female": "Zapsala",
        "recorded_by_male": "Zapsal",
        "recorded_by": "Zapsal(a)",
        "approved_by_female": "schválila",
        "approved_by_male": "schválil",
        "approved_by": "schválil(a)",
        "verified_by_female": "ověřila",
        "verified_by_male": "ověřil",
        "verified_by": "ověřil(a)",
        "tasks_title": "Úkoly k {date}",
        "tasks_overdue_title": "Úkoly po termínu k {date}",
        "col_id": "ID",
        "col_task": "Úkol",
        "col_responsible": "Odpovídá",
        "col_deadline": "Termín",
        "col_due": "Do",
        "col_overdue": "Dní po termínu",
        "col_meeting": "Zadáno",
        "col_contact": "Kontakt",
        "table_left_out": "Do šířky terminálu se nevešly sloupce {columns}; všechny ukáže --format csv nebo json.",
        "col_status": "Stav",
        "deadline_unresolved": "termín neurčen",
        "all_members": "všichni členové",
        "tasks_none": "Žádné úkoly.",
        "history_assigned": "zadáno na jednání {meeting}",
        "history_status": "stav zapsán u úkolu",
        "history_review": "kontrola na jednání {meeting}",
        "item_opening": "Zahájení",
        "item_minutes_approval": "Schválení zápisu z minulého jednání",
        "item_task_review": "Kontrola úkolů",
        "item_other": "Různé",
        "meeting_title": "{number}. jednání – {name}",
        "diff_header": "Záhlaví",
        "diff_footer": "Zápatí",
        "diff_meeting": "Jednání",
        "diff_task": "Úkol {id}",
        "diff_added": "přidáno",
        "diff_removed": "odstraněno",
        "diff_no_change": "beze změn obsahu",
        "diff_summary": "Přehled změn",
        "diff_working_tree": "pracovní kopie",
        "field_number": "číslo",
        "field_title": "název",
        "field_start": "začátek",
        "field_end": "konec",
        "field_presenters": "předkládá",
        "field_content": "obsah",
        "field_text": "text",
        "field_responsible": "odpovídá",
        "field_deadline": "termín",
        "field_contact": "kontakt",
        "field_status": "stav",
        "field_recorded_by": "zapsal(a)",
        "field_approved_by": "schválil(a)",
        "field_verified_by": "ověřil(a)",
        "date_long": "d. MMMM y",
        "date_short": "d. M. y",
        "date_day_month": "d. M.",
    },
    "en": {
        "minutes": "Minutes",
        "draft": "draft",
        "page": "Page",
        "page_of": "of",
        "draft_notice": "Draft – these minutes have not been approved yet.",
        "approved": "approved",
        "amendments": "Amendments after approval",
        "redacted": "[redacted]",
        "col_number": "No.",
        "col_title": "Title",
        "col_open_tasks": "Open tasks",
        "meetings_title": "Meetings",
        "tasks_nav": "Tasks",
        "search": "Search",
        "search_title": "Search the minutes",
        "search_none": "No match.",
        "search_found": "Found: {count}",
        "search_script": "Search needs JavaScript turned on.",
        "calendar_meeting": "Meeting of {short}",
        "calendar_tentative": "tentative",
        "overdue": "overdue",
        "name": "title",
        "date": "date",
        "place": "place",
        "attendees": "attendees",
        "attachments": "attachments",
        "pages": "Pages",
        "pages_original": "Pages of the original",
        "present": "Present",
        "excused": "Excused",
        "absent": "Absent",
        "guests": "Guests",
        "section_a": "A Proceedings",
        "item": "Item {number} – {title}",
        "presenters": "Presented by",
        "presenters_plural": "Presented by",
        "duration": "({minutes} min.)",
        "item_labelled": "{label} {title}",
        "item_unnumbered": "{title}",
        "subitem": "{title}",
        "item_entry": "",
        "programme_entry": "",
        "names_last": ", ",
        "date_range": "{first} – {last}",
        "started": "(began at {time})",
        "approval_not_recorded": "",
        "published": "published",
        "programme": "Agenda",
        "chair": "Chair",
        "minute_taker_female": "Minute-taker",
        "minute_taker_male": "Minute-taker",
        "minute_taker": "Minute-taker",
        "verifiers": "Verifiers of the minutes",
        "verifier_female": "Verifier of the minutes",
        "verifier_male": "Verifier of the minutes",
        "verifier": "Verifier of the minutes",
        "person_role": "{person}, {role}",
        "person_note": "{person} ({note})",
        "attendance_count": "({count})",
        "attendance_nobody": "–",
        "quorum": "{present} of {members} members present",
        "quorum_present": "{present} members present",
        "quorate_yes": "quorate",
        "quorate_no": "not quorate",
        "proposal": "Proposed resolution",
        "vote_record": "({votes})",
        "vote_for": "for {count}",
        "vote_against": "against {count}",
        "vote_abstained": "abstained {count}",
        "vote_absent": "absent {count}",
        "vote_not_voting": "not voting {count}",
        "unanimous": "unanimously",
        "roll_call": "Roll call",
        "roll_call_no_answer": "no answer",
        "roll_call_no_answer_female": "no answer",
        "roll_call_no_answer_male": "no answer",
        "per_rollam": "Vote by correspondence",
        "per_rollam_question": "Question",
        "per_rollam_period": "The vote was open from {opened} to {deadline}.",
        "per_rollam_rule": "Rule",
        "per_rollam_votes": "Members' answers",
        "per_rollam_confirmed": "The result was confirmed at the meeting of {meeting}.",
        "roll_call_for": "for",
        "roll_call_against": "against",
        "roll_call_abstained": "abstained",
        "roll_call_abstained_female": "abstained",
        "roll_call_abstained_male": "abstained",
        "roll_call_absent": "absent",
        "roll_call_not_voting": "not voting",
        "outcome_noted": "noted",
        "outcome_withdrawn": "withdrawn",
        "outcome_postponed": "postponed",
        "verified_by_plural": "Verified by",
        "approved_at": "The minutes were approved",
        "approved_at_meeting": "at the meeting of {meeting}",
        "approved_at_date": "on {date}",
        "approved_at_decision": "by decision {decision}",
        "section_b": "B Tasks",
        "no_tasks": "No tasks.",
        "deadline_prefix": "Due:",
        "deadline_ongoing": "ongoing",
        "deadline_next_meeting": "by the next meeting",
        "contact": "send to",
        "next_meetings_title": "Next meetings",
        "next_meeting_firm": "Next meeting",
        "next_meeting_tentative": "Dates in {year} (tentative)",
        "decision": "Decision",
        "votes": "for {for_}, against {against}, abstained {abstained}",
        "outcome_adopted": "adopted",
        "outcome_rejected": "rejected",
        "review": "Task {id}",
        "status_open": "open",
        "status_done": "done",
        "status_cancelled": "cancelled",
        "new_deadline": "new deadline",
        "recorded_by_female": "Recorded by",
        "recorded_by_male": "Recorded by",
        "recorded_by": "Recorded by",
        "approved_by_female": "approved by",
        "approved_by_male": "approved by",
        "approved_by": "approved by",
        "verified_by_female": "verified by",
        "verified_by_male": "verified by",
        "verified_by": "verified by",
        "tasks_title": "Tasks as of {date}",
        "tasks_overdue_title": "Overdue tasks as of {date}",
        "col_id": "ID",
        "col_task": "Task",
        "col_responsible": "Responsible",
        "col_deadline": "Deadline",
        "col_due": "Due",
        "col_overdue": "Days overdue",
        "col_meeting": "Assigned at",
        "col_contact": "Contact",
        "table_left_out": "Columns {columns} did not fit the terminal; --format csv or json shows them all.",
        "col_status": "Status",
        "deadline_unresolved": "deadline unresolved",
        "all_members": "all members",
        "tasks_none": "No tasks.",
        "history_assigned": "assigned at meeting {meeting}",
        "history_status": "status recorded on the task",
        "history_review": "reviewed at meeting {meeting}",
        "item_opening": "Opening",
        "item_minutes_approval": "Approval of the minutes of the previous meeting",
        "item_task_review": "Review of tasks",
        "item_other": "Any other business",
        "meeting_title": "{name}: meeting {number}",
        "diff_header": "Header",
        "diff_footer": "Footer",
        "diff_meeting": "Meeting",
        "diff_task": "Task {id}",
        "diff_added": "added",
        "diff_removed": "removed",
        "diff_no_change": "no change of content",
        "diff_summary": "Summary of changes",
        "diff_working_tree": "working tree",
        "field_number": "number",
        "field_title": "title",
        "field_start": "start",
        "field_end": "end",
        "field_presenters": "presented by",
        "field_content": "content",
        "field_text": "text",
        "field_responsible": "responsible",
        "field_deadline": "deadline",
        "field_contact": "contact",
        "field_status": "status",
        "field_recorded_by": "recorded by",
        "field_approved_by": "approved by",
        "field_verified_by": "verified by",
        "date_long": "d MMMM y",
        "date_short": "d MMM y",
        "date_day_month": "d MMM",
    },
}


# the words of `psc remind`
REMIND_LABELS: dict[str, dict[str, str]] = {
    "cs": {
        "remind_subject": "Připomínka úkolů {short} k {date}",
        "remind_greeting": "Dobrý den,",
        "remind_intro_owner": "připomínáme úkoly z jednání {short}, za které odpovídá {owner}: "
        "úkoly po termínu a úkoly s termínem do {until} (stav k {date}).",
        "remind_intro_all": "připomínáme úkoly z jednání {short} pro všechny členy: "
        "úkoly po termínu a úkoly s termínem do {until} (stav k {date}).",
        "remind_overdue": "{days} po termínu",
        "remind_due_today": "termín dnes",
        # "zbývá 1 den", "zbývají 3 dny", "zbývá 10 dní": the verb agrees with the number
        "remind_due_in": "zbývá {days}",
        "remind_due_in_few": "zbývají {days}",
        "remind_assigned": "Zadáno na jednání {meeting}",
        "remind_done_note": "Je-li některý z úkolů již splněn, dejte nám prosím vědět.",
        "remind_closing": "S pozdravem",
    },
    "en": {
        "remind_subject": "Task reminder: {short}, as of {date}",
        "remind_greeting": "Hello,",
        "remind_intro_owner": "this is a reminder of the tasks from the meetings of {short} for "
        "which {owner} is responsible: tasks past their deadline and tasks due "
        "by {until} (as of {date}).",
        "remind_intro_all": "this is a reminder of the tasks from the meetings of {short} for all "
        "members: tasks past their deadline and tasks due by {until} (as of {date}).",
        "remind_overdue": "{days} overdue",
        "remind_due_today": "due today",
        "remind_due_in": "due in {days}",
        "remind_due_in_few": "due in {days}",
        "remind_assigned": "Assigned at the meeting {meeting}",
        "remind_done_note": "If a task is already done, please let us know.",
        "remind_closing": "Kind regards",
    },
}
for _language, _words in REMIND_LABELS.items():
    LABELS[_language].update(_words)


# the words of the register of resolutions (`psc decisions`, the site's register)
REGISTER_LABELS: dict[str, dict[str, str]] = {
    "cs": {
        "register_title": "Evidence usnesení k {date}",
        "register_nav": "Usnesení",
        "register_none": "Žádná usnesení.",
        "col_resolution": "Usnesení",
        "col_outcome": "Výsledek",
        "col_votes": "Hlasování",
        "col_tasks": "Úkoly",
        "reg_status_valid": "platné",
        "reg_status_fulfilled": "splněno",
        "reg_status_amended": "platné, změněno",
        "reg_status_suspended": "pozastaveno",
        "reg_status_superseded": "nahrazeno",
        "reg_status_revoked": "zrušeno",
        "reg_status_rejected": "nepřijato",
        "reg_status_noted": "vzato na vědomí",
        "reg_status_withdrawn": "staženo",
        "reg_status_postponed": "odloženo",
        "reg_status_proposed": "návrh",
        "reg_adopted": "přijato na jednání {meeting}",
        "reg_outcome_at": "{outcome} na jednání {meeting}",
        "reg_per_rollam": "hlasování per rollam",
        "reg_fulfilled": "splněno",
        "reg_revokes": "ruší",
        "reg_amends": "mění",
        "reg_supersedes": "nahrazuje",
        "reg_suspends": "pozastavuje",
        "reg_revoked_by": "zrušeno usnesením",
        "reg_amended_by": "změněno usnesením",
        "reg_superseded_by": "nahrazeno usnesením",
        "reg_suspended_by": "pozastaveno usnesením",
        "reg_imposes": "ukládá",
        "reg_imposed_by": "uloženo usnesením",
        "reg_history": "Historie",
    },
    "en": {
        "register_title": "Register of resolutions as of {date}",
        "register_nav": "Resolutions",
        "register_none": "No resolutions.",
        "col_resolution": "Resolution",
        "col_outcome": "Outcome",
        "col_votes": "Votes",
        "col_tasks": "Tasks",
        "reg_status_valid": "valid",
        "reg_status_fulfilled": "fulfilled",
        "reg_status_amended": "valid, amended",
        "reg_status_suspended": "suspended",
        "reg_status_superseded": "superseded",
        "reg_status_revoked": "revoked",
        "reg_status_rejected": "rejected",
        "reg_status_noted": "noted",
        "reg_status_withdrawn": "withdrawn",
        "reg_status_postponed": "postponed",
        "reg_status_proposed": "proposed",
        "reg_adopted": "adopted at meeting {meeting}",
        "reg_outcome_at": "{outcome} at meeting {meeting}",
        "reg_per_rollam": "vote by correspondence (per rollam)",
        "reg_fulfilled": "fulfilled",
        "reg_revokes": "revokes",
        "reg_amends": "amends",
        "reg_supersedes": "supersedes",
        "reg_suspends": "suspends",
        "reg_revoked_by": "revoked by",
        "reg_amended_by": "amended by",
        "reg_superseded_by": "superseded by",
        "reg_suspended_by": "suspended by",
        "reg_imposes": "imposes",
        "reg_imposed_by": "imposed by resolution",
        "reg_history": "History",
    },
}
for _language, _words in REGISTER_LABELS.items():
    LABELS[_language].update(_words)


# the words of `psc circulate` (the draft sent out for comments) and of the comments annex
REVIEW_ROUND_LABELS: dict[str, dict[str, str]] = {
    "cs": {
        "circulate_subject": "Návrh zápisu z jednání {short} dne {date} – připomínky do {deadline}",
        "circulate_greeting": "Dobrý den,",
        "circulate_intro": "zasíláme k připomínkám návrh zápisu z jednání {short} dne {date} "
        "({title}).",
        "circulate_how": "Připomínky a námitky prosím zašlete odpovědí na tuto zprávu "
        "do {deadline}; u každé uveďte, které části zápisu se týká.",
        "circulate_attached": "V příloze",
        "circulate_closing": "S pozdravem",
        "comments_annex": "Připomínky a námitky",
        "comment_kind_comment": "Připomínka",
        "comment_kind_objection": "Námitka",
        "comment_refers_to": "týká se: {part}",
        "comment_status_open": "nevypořádáno",
        "comment_status_accepted": "akceptováno",
        "comment_status_rejected": "neakceptováno",
    },
    "en": {
        "circulate_subject": "Draft minutes of {short} of {date}: comments by {deadline}",
        "circulate_greeting": "Hello,",
        "circulate_intro": "please find for your comments the draft minutes of the meeting of "
        "{short} of {date} ({title}).",
        "circulate_how": "Please send comments and objections by {deadline} in reply to this "
        "message, saying which part of the minutes each concerns.",
        "circulate_attached": "Attached",
        "circulate_closing": "Kind regards",
        "comments_annex": "Comments and objections",
        "comment_kind_comment": "Comment",
        "comment_kind_objection": "Objection",
        "comment_refers_to": "concerns: {part}",
        "comment_status_open": "open",
        "comment_status_accepted": "accepted",
        "comment_status_rejected": "rejected",
    },
}
for _language, _words in REVIEW_ROUND_LABELS.items():
    LABELS[_language].update(_words)


# the shapes inside items: movers, election results, tasks without a deadline, more roles, shares
DECISION_LABELS: dict[str, dict[str, str]] = {
    "cs": {
        "proposed_by": "navrhl(a) {person}",
        "proposed_by_female": "navrhla {person}",
        "proposed_by_male": "navrhl {person}",
        "seconded_by": "podpořil(a) {person}",
        "seconded_by_female": "podpořila {person}",
        "seconded_by_male": "podpořil {person}",
        "candidate_count_one": "{count} hlas",
        "candidate_count_few": "{count} hlasy",
        "candidate_count": "{count} hlasů",
        "elected": "zvolen(a)",
        "elected_female": "zvolena",
        "elected_male": "zvolen",
        "not_elected": "nezvolen(a)",
        "not_elected_female": "nezvolena",
        "not_elected_male": "nezvolen",
        "deadline_none": "bez termínu",
        "role_tellers": "Skrutátoři",
        "role_mandate_commission": "Mandátová komise",
        "role_drafting_commission": "Návrhová komise",
        "role_election_commission": "Volební komise",
        "quorum_share": "přítomno {share} % hlasů",
    },
    "en": {
        "proposed_by": "{person} proposed",
        "proposed_by_female": "{person} proposed",
        "proposed_by_male": "{person} proposed",
        "seconded_by": "{person} seconded",
        "seconded_by_female": "{person} seconded",
        "seconded_by_male": "{person} seconded",
        "candidate_count_one": "{count} vote",
        "candidate_count_few": "{count} votes",
        "candidate_count": "{count} votes",
        "elected": "elected",
        "elected_female": "elected",
        "elected_male": "elected",
        "not_elected": "not elected",
        "not_elected_female": "not elected",
        "not_elected_male": "not elected",
        "deadline_none": "no deadline",
        "role_tellers": "Tellers",
        "role_mandate_commission": "Credentials committee",
        "role_drafting_commission": "Drafting committee",
        "role_election_commission": "Election committee",
        "quorum_share": "{share} % of the votes present",
    },
}
for _language, _words in DECISION_LABELS.items():
    LABELS[_language].update(_words)


FORM_LABELS = frozenset({"date_long", "date_short", "date_day_month", "date_range", "names_last"})
"""Labels that give a form, not words: a date's pattern, a span of days, how the last of
several names is joined. A date or a list of names has no words to hide, so a group's empty
one keeps the built-in form (every other label set to "" hides its words, with the
punctuation and markup that belong to them, wherever psc prints it)."""


def labels_for(
    language: str, overrides: dict[str, str] | None = None, *, group_language: str | None = None
) -> dict[str, str]:
    """The labels of `language`, with the group's overrides applied when they are in that
    language (an empty FORM_LABELS one keeps the built-in form)."""
    result = dict(LABELS[language])
    if overrides and (group_language is None or group_language == language):
        result.update(applied(overrides))
    return result


def applied(overrides: dict[str, str]) -> dict[str, str]:
    """The overrides a group or a meeting sets that take effect: every one but an empty
    FORM_LABELS one (a date or a list of names keeps the built-in form)."""
    return {k: v for k, v in overrides.items() if v or k not in FORM_LABELS}


PERSON_ROLE_FIELDS = frozenset({"person", "role"})
"""The placeholders of a person with a role: label `person_role`, a category's own."""

TITLE_FIELDS = frozenset({"number", "name", "short"})
"""The placeholders a group's `title_pattern` may use: `meeting_title` supplies them."""


def meeting_title(pattern: str, *, number: int | None, name: str, short: str) -> str:
    """A meeting's title from the group's pattern (checked by `pattern_problem` against
    TITLE_FIELDS when the group file was loaded, so formatting cannot fail)."""
    return pattern.format(number=number, name=name, short=short)


ENTRY_FIELDS: dict[str, frozenset[str]] = {
    "programme_entry": frozenset(
        {"number", "title", "presenters", "presented", "duration", "note"}
    ),
    "item_entry": frozenset({"number", "title", "presenters", "presented", "duration"}),
}
"""Labels empty by default (psc's own order) that a group may set to a pattern of the line:
a programme entry or an item's heading, e.g. '{number}. [{presenters} - ]{title}[ {duration}]'
for presenter first; a part in [ ] is left out when a placeholder in it is empty."""


def fill_entry(pattern: str, escape: Callable[[str], str] = str, **values: Any) -> str:
    """`pattern` (an ENTRY_FIELDS label) filled with `values` (already in the output's form);
    `escape` puts the pattern's own text in that form. Each [ ] part is left out when a
    placeholder in it has no value, else kept without its brackets."""
    from string import Formatter

    def filled(piece: str) -> str:
        return "".join(
            escape(text) + ("" if field is None else str(values[field]))
            for text, field, _, _ in Formatter().parse(piece)
        )

    out, at = [], 0
    for match in _OPTIONAL_PART.finditer(pattern):
        out.append(filled(pattern[at : match.start()]))
        inner = match.group(1)
        if all(values.get(f) for f in _fields_of(inner)):
            out.append(filled(inner))
        at = match.end()
    out.append(filled(pattern[at:]))
    return "".join(out)


_OPTIONAL_PART = re.compile(r"\[([^\[\]]*)\]")


def label_fields(key: str) -> frozenset[str] | None:
    """The placeholders label `key` is formatted with: those of its built-in wording in
    any language (the code supplies them, as the built-in labels show); None for a label
    that is never formatted (its built-in wording has no placeholder)."""
    if key == "meeting_title":  # the default title_pattern
        return TITLE_FIELDS
    if key in ENTRY_FIELDS:
        return ENTRY_FIELDS[key]
    fields = _LABEL_FIELDS.get(key)
    return fields if fields else None


def _fields_of(text: str) -> set[str]:
    from string import Formatter

    return {f for _, f, _, _ in Formatter().parse(text) if f is not None}


_LABEL_FIELDS: dict[str, frozenset[str]] = {
    key: frozenset(set().union(*(_fields_of(LABELS[lang].get(key, "")) for lang in LABELS)))
    for key in LABELS["cs"]
}


def pattern_problem(pattern: str, allowed: frozenset[str]) -> str | None:
    """Why `pattern` cannot be formatted with the placeholders `allowed` (a lone brace, an
    unknown placeholder, attribute or index access, a conversion or format specification),
    or None when it can."""
    from string import Formatter

    from psc.messages import _

    shown = ", ".join("{" + f + "}" for f in sorted(allowed))
    try:
        parts = list(Formatter().parse(pattern))
    except ValueError as exc:
        brace = "}" if str(exc).startswith("Single '}'") else "{"
        return _(
            "a lone '{brace}' in the pattern; write '{twice}' for the brace itself",
            brace=brace,
            twice=brace * 2,
        )
    for _text, field, spec, conversion in parts:
        if field is None:
            continue
        written = (
            "{"
            + field
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
        )
        if field not in allowed:
            if field.isidentifier():
                return _(
                    "unknown placeholder '{written}' (allowed: {shown})",
                    written=written,
                    shown=shown,
                )
            return _(
                "placeholder '{written}' is not allowed: use only {shown}",
                written=written,
                shown=shown,
            )
        if spec or conversion:
            return _(
                "placeholder '{written}' has a format or conversion: write '{plain}'",
                written=written,
                plain="{" + field + "}",
            )
    return None


def pattern_regex(allowed: frozenset[str]) -> str:
    """The JSON Schema pattern of the format strings `pattern_problem` accepts: text, `{{`,
    `}}` and the placeholders `allowed`."""
    names = "|".join(sorted(allowed))
    return r"^(?:[^{}]|\{\{|\}\}|\{(?:" + names + r")\})*$"
