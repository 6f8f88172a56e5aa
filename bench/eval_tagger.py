"""How well the temporal tagger finds and resolves calendar expressions of the kinds other taggers test.

    python bench/eval_tagger.py [--lang de|en] [--show]

The phrases below are self-written, one short sentence each, after the *kinds* of expressions found in
public phrase sets of other taggers (nothing is copied from them; the provenance notes name the set a
kind was seen in):
  - duckling: facebook/duckling Duckling/Time/DE/Corpus.hs and Duckling/Time/EN/Corpus.hs
  - HeidelTime: HeidelTime/heideltime resources/german/repattern/*.txt (part words, this/next/last
    words, months, seasons, units) and resources/english/...
  - SUTime: Stanford CoreNLP SUTimeTest; dateparser: scrapinghub/dateparser tests (search, de/en rows);
  - chrono: wanasit/chrono test/de and test/en.
Publication date: 2025-05-15 (a Thursday). A span is exact when the found text equals the expected one
(TimeML convention: plain prepositions such as "im", "am", "on", "in" stay outside; modifiers such as
"Anfang", "frühestens", "early" stay inside). A resolution is correct when the span's bounds equal the
expected period's (a number of weeks ago or ahead is that week, as in HeidelTime; "earlier/later this
year" is the part of the year before/after publication), or, for a modified expression ("Anfang April"),
when its EDTF names that period.
The not-time sentences must yield no expression at all.

Value notation: "2025-05-15", "2025-05", "2025", "2025-Q2", "2025-H1", "2025-W20", "2025-summer",
"a/b" (from the start of a to the end of b), None (span only: durations, unresolvable).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from llamaline.temporal import timespan as ts  # noqa: E402
from llamaline.temporal import tag  # noqa: E402
from llamaline.temporal.resolve import iso_week  # noqa: E402

PUBLISHED = "2025-05-15"

# (sentence, expected span text, expected value)
DE = [
    # -- absolute days (duckling DE: "15. februar", "31.10.1974", "Fr, 18. Juli 2014", "Freitag, den 18.07.2014";
    #    dateparser de rows; chrono test/de little-endian) -------------------------------------------------
    ("Die Firma stellte das Gerät am 3. März 2024 vor.", "3. März 2024", "2024-03-03"),
    ("Der Vertrag läuft bis zum 31.10.2026.", "bis zum 31.10.2026", "2026-10-31"),
    ("Er wurde am 31.10.74 geboren.", "31.10.74", "1974-10-31"),
    ("Die Messe öffnet am Freitag, den 18. Juli 2025.", "Freitag, den 18. Juli 2025", "2025-07-18"),
    ("Die Tagung war am Fr, 18. Juli 2014.", "Fr, 18. Juli 2014", "2014-07-18"),
    ("Das Urteil fiel am Freitag, 18.07.2014.", "Freitag, 18.07.2014", "2014-07-18"),
    ("Der Termin ist am 14. April 2026.", "14. April 2026", "2026-04-14"),
    ("Die Meldung stammt vom 2. Januar 2025.", "2. Januar 2025", "2025-01-02"),
    ("Bis 20. Sept. 2025 können Anträge gestellt werden.", "Bis 20. Sept. 2025", "2025-09-20"),
    ("Der Bericht erschien am 2024-11-03.", "2024-11-03", "2024-11-03"),
    ("Gültig ist die Regel ab 1.1.2026.", "ab 1.1.2026", "2026-01-01"),
    ("Der Start ist für den 3. März 2026 geplant.", "3. März 2026", "2026-03-03"),
    ("Die Anhörung fand am 15. Februar statt.", "15. Februar", "2025-02-15"),
    ("Am 3. Oktober wird gefeiert werden.", "3. Oktober", "2025-10-03"),
    ("Die Gespräche sollen am 01.04. beginnen.", "01.04.", "2026-04-01"),
    ("Die Zahlen kamen am 03.03. heraus.", "03.03.", "2025-03-03"),
    ("Die Vorstellung ist für den 20. Juni angesetzt.", "20. Juni", "2025-06-20"),
    ("Die Konferenz läuft vom 3. bis 5. Juni 2025.", "3. bis 5. Juni 2025", "2025-06-03/2025-06-05"),
    ("Am 12. und 13. März trafen sich die Minister.", "12. und 13. März", "2025-03-12/2025-03-13"),
    ("Das Treffen war am 2. Mai.", "2. Mai", "2025-05-02"),
    ("Die Auslieferung startet am 1. Juli 2025.", "1. Juli 2025", "2025-07-01"),
    ("Das Gesetz trat am 01.08.2024 in Kraft.", "01.08.2024", "2024-08-01"),
    ("Die Frist endete am 30. April.", "30. April", "2025-04-30"),
    ("Am Mittwoch, dem 7. Mai 2025, schloss die Börse fester.", "Mittwoch, dem 7. Mai 2025", "2025-05-07"),
    ("Die Klage wurde am 5. Dez. 2024 eingereicht.", "5. Dez. 2024", "2024-12-05"),
    # -- days relative (duckling DE: gestern, vorgestern, übermorgen, "nächsten dienstag", "übernächsten freitag",
    #    "letzten sonntag", "montag dieser woche", "mittwoch der nächsten woche", "sonntag letzte woche") ----------
    ("Gestern meldete die Firma einen Verlust.", "Gestern", "2025-05-14"),
    ("Vorgestern kam es zu einem Ausfall.", "Vorgestern", "2025-05-13"),
    ("Die Entscheidung fällt übermorgen.", "übermorgen", "2025-05-17"),
    ("Heute beginnt die Messe.", "Heute", "2025-05-15"),
    ("Das Ergebnis wird morgen erwartet.", "morgen", "2025-05-16"),
    ("Gestern Abend wurde der Vertrag unterzeichnet.", "Gestern Abend", "2025-05-14"),
    ("Am nächsten Dienstag soll abgestimmt werden.", "nächsten Dienstag", "2025-05-20"),
    ("Die Firma will übernächsten Freitag liefern.", "übernächsten Freitag", "2025-05-23"),
    ("Letzten Sonntag stimmten die Wähler ab.", "Letzten Sonntag", "2025-05-11"),
    ("Am vergangenen Montag wurde der Chef entlassen.", "vergangenen Montag", "2025-05-12"),
    ("Am Montag dieser Woche begann der Streik.", "Montag dieser Woche", "2025-05-12"),
    ("Am Mittwoch der nächsten Woche wird entschieden.", "Mittwoch der nächsten Woche", "2025-05-21"),
    ("Am Sonntag letzte Woche sprach der Minister.", "Sonntag letzte Woche", "2025-05-11"),
    ("Am Dienstag legte der Konzern Zahlen vor.", "Dienstag", "2025-05-13"),
    ("Am Freitag wird der Vorstand beraten.", "Freitag", "2025-05-16"),
    ("Die Aktie brach am Dienstagabend ein.", "Dienstagabend", "2025-05-13"),
    ("Diesen Montag begann der Prozess.", "Diesen Montag", "2025-05-12"),
    ("Vor sieben Tagen wurde das Update verteilt.", "Vor sieben Tagen", "2025-05-08"),
    ("Vor 14 Tagen gab es den ersten Hinweis.", "Vor 14 Tagen", "2025-05-01"),
    ("In sieben Tagen endet die Frist.", "In sieben Tagen", "2025-05-22"),
    # -- weeks (duckling DE: "diese woche", "letzte woche", "nächste woche", "vor einer woche", "in einer woche",
    #    "dieses wochenende"; HeidelTime units Woche/Wochenende/Kalenderwoche; surface variants) --------------
    ("Diese Woche beginnt die Produktion.", "Diese Woche", "2025-05-12/2025-05-18"),
    ("Letzte Woche sank der Kurs.", "Letzte Woche", "2025-05-05/2025-05-11"),
    ("Nächste Woche will die Firma Details nennen.", "Nächste Woche", "2025-05-19/2025-05-25"),
    ("In der kommenden Woche wird verhandelt.", "kommenden Woche", "2025-05-19/2025-05-25"),
    ("In der vergangenen Woche stieg der Preis.", "vergangenen Woche", "2025-05-05/2025-05-11"),
    ("Übernächste Woche soll der Bericht folgen.", "Übernächste Woche", "2025-05-26/2025-06-01"),
    ("Der Vertrag soll in der übernächsten Woche stehen.", "übernächsten Woche", "2025-05-26/2025-06-01"),
    ("Vor einer Woche wurde das Modell vorgestellt.", "Vor einer Woche", "2025-W19"),
    ("Vor zwei Wochen begann der Test.", "Vor zwei Wochen", "2025-W18"),
    ("In einer Woche fällt die Entscheidung.", "In einer Woche", "2025-W21"),
    ("Mitte der Woche will die Regierung beraten.", "Mitte der Woche", "2025-05-12/2025-05-18"),
    ("Ende der Woche soll die Einigung stehen.", "Ende der Woche", "2025-05-12/2025-05-18"),
    ("Anfang nächster Woche wird gewählt.", "Anfang nächster Woche", "2025-05-19/2025-05-25"),
    ("Ende vergangener Woche kam die Nachricht.", "Ende vergangener Woche", "2025-05-05/2025-05-11"),
    ("In der Vorwoche war der Kurs gefallen.", "Vorwoche", "2025-05-05/2025-05-11"),
    ("In KW 12 soll der Verkauf beginnen.", "KW 12", "2026-W12"),
    ("Die Kalenderwoche 19 verlief ruhig.", "Kalenderwoche 19", "2025-W19"),
    ("In der 22. Kalenderwoche soll geliefert werden.", "22. Kalenderwoche", "2025-W22"),
    ("Am Wochenende fiel der Strom aus.", "Wochenende", "2025-05-10/2025-05-11"),
    ("Am vergangenen Wochenende protestierten Tausende.", "vergangenen Wochenende", "2025-05-10/2025-05-11"),
    ("Am kommenden Wochenende soll gestreikt werden.", "kommenden Wochenende", "2025-05-17/2025-05-18"),
    ("Dieses Wochenende wird gefeiert.", "Dieses Wochenende", "2025-05-17/2025-05-18"),
    # -- months (duckling DE: "Oktober 2014", "nächsten märz", "letzten monat", "nächsten monat";
    #    HeidelTime months incl. "Jänner"; chrono test/de month names) ------------------------------------------
    ("Im Oktober 2024 sank der Absatz.", "Oktober 2024", "2024-10"),
    ("Im Jänner 2025 stieg die Arbeitslosigkeit.", "Jänner 2025", "2025-01"),
    ("Im Oktober wird die neue Version erscheinen.", "Oktober", "2025-10"),
    ("Im Februar meldete die Firma Rekordzahlen.", "Februar", "2025-02"),
    ("Nächsten März soll das Werk öffnen.", "Nächsten März", "2026-03"),
    ("Letzten Monat stieg die Inflation.", "Letzten Monat", "2025-04"),
    ("Nächsten Monat wird der Preis erhöht.", "Nächsten Monat", "2025-06"),
    ("In diesem Monat endet die Frist.", "diesem Monat", "2025-05"),
    ("Im laufenden Monat sank die Nachfrage.", "laufenden Monat", "2025-05"),
    ("Im Vormonat war die Quote höher.", "Vormonat", "2025-04"),
    ("Im Februar dieses Jahres brach der Umsatz ein.", "Februar dieses Jahres", "2025-02"),
    ("Im Juli kommenden Jahres soll gebaut werden.", "Juli kommenden Jahres", "2026-07"),
    ("Im Dezember letzten Jahres kündigte er.", "Dezember letzten Jahres", "2024-12"),
    ("Vor drei Monaten wurde der Plan verworfen.", "Vor drei Monaten", "2025-02"),
    ("In zwei Monaten beginnt die Saison.", "In zwei Monaten", "2025-07"),
    ("Anfang März stellte die Firma aus.", "Anfang März", "2025-03"),
    ("Mitte Juni soll die Anlage laufen.", "Mitte Juni", "2025-06"),
    ("Ende Januar 2025 fiel die Entscheidung.", "Ende Januar 2025", "2025-01"),
    ("Ende des Monats läuft der Vertrag aus.", "Ende des Monats", "2025-05"),
    ("Der Preis steigt zum Monatsende.", "Monatsende", "2025-05"),
    ("Seit März 2024 gilt die Regel.", "Seit März 2024", "2024-03"),
    ("Die Firma plant bis Juli 2026 einen Umbau.", "bis Juli 2026", "2026-07"),
    ("Von April bis Juni 2024 lief die Kampagne.", "Von April bis Juni 2024", "2024-04/2024-06"),
    ("Frühestens im September soll es losgehen.", "Frühestens im September", "2025-09"),
    ("Spätestens Ende Mai soll alles fertig sein.", "Spätestens Ende Mai", "2025-05"),
    ("Stand Oktober 2024 gab es 300 Filialen.", "Stand Oktober 2024", "2024-10"),
    # -- quarters (duckling DE: "dieses quartal", "nächstes quartal", "drittes quartal", "4tes quartal 2018";
    #    HeidelTime units Quartal; surface variants "im kommenden Quartal", "Ende Q3") ---------------------------
    ("Dieses Quartal wird schwierig.", "Dieses Quartal", "2025-Q2"),
    ("Nächstes Quartal soll die Marge steigen.", "Nächstes Quartal", "2025-Q3"),
    ("Im kommenden Quartal will die Firma sparen.", "kommenden Quartal", "2025-Q3"),
    ("Im vergangenen Quartal sank der Gewinn.", "vergangenen Quartal", "2025-Q1"),
    ("Im laufenden Quartal wird mit Wachstum gerechnet.", "laufenden Quartal", "2025-Q2"),
    ("Das dritte Quartal 2024 war schwach.", "dritte Quartal 2024", "2024-Q3"),
    ("Im 4. Quartal 2018 brach der Markt ein.", "4. Quartal 2018", "2018-Q4"),
    ("Im viertes Quartal 2018 sank die Nachfrage.", "viertes Quartal 2018", "2018-Q4"),
    ("Die Zahlen für Q3 2024 lagen unter Plan.", "Q3 2024", "2024-Q3"),
    ("Ende Q3 soll das Produkt erscheinen.", "Ende Q3", "2025-Q3"),
    ("Anfang Q1 2026 beginnt die Produktion.", "Anfang Q1 2026", "2026-Q1"),
    ("Im Vorquartal war der Umsatz höher.", "Vorquartal", "2025-Q1"),
    ("Ende des dritten Quartals soll geliefert werden.", "Ende des dritten Quartals", "2025-Q3"),
    ("Zu Beginn des zweiten Quartals 2024 kam die Wende.", "Beginn des zweiten Quartals 2024", "2024-Q2"),
    ("Im ersten Quartal des kommenden Jahres soll es losgehen.", "ersten Quartal des kommenden Jahres", "2026-Q1"),
    ("Im Schlussquartal 2024 stieg der Umsatz.", "Schlussquartal 2024", "2024-Q4"),
    # -- halves and seasons (duckling DE: "diesen sommer", "diesen winter"; HeidelTime seasons and
    #    "Hälfte", "Halbjahr"; chrono) ------------------------------------------------------------------------
    ("Im ersten Halbjahr 2024 stieg der Gewinn.", "ersten Halbjahr 2024", "2024-H1"),
    ("Für H2 2025 erwartet der Vorstand Wachstum.", "H2 2025", "2025-H2"),
    ("Die zweite Jahreshälfte 2024 war schwach.", "zweite Jahreshälfte 2024", "2024-H2"),
    ("In der zweiten Hälfte des Jahres soll gebaut werden.", "zweiten Hälfte des Jahres", "2025-H2"),
    ("Im zweiten Halbjahr wird die Produktion steigen.", "zweiten Halbjahr", "2025-H2"),
    ("Diesen Sommer soll die Brücke fertig werden.", "Diesen Sommer", "2025-summer"),
    ("Diesen Winter war es mild.", "Diesen Winter", "2024-winter"),
    ("Im Herbst soll das Gerät erscheinen.", "Herbst", "2025-autumn"),
    ("Im Frühjahr 2026 beginnt der Bau.", "Frühjahr 2026", "2026-spring"),
    ("Im Sommer 2024 brannten die Wälder.", "Sommer 2024", "2024-summer"),
    ("Im Sommer letzten Jahres brach der Absatz ein.", "Sommer letzten Jahres", "2024-summer"),
    ("Im kommenden Frühjahr soll gewählt werden.", "kommenden Frühjahr", "2026-spring"),
    ("Ende des Sommers soll das Werk öffnen.", "Ende des Sommers", "2025-summer"),
    # -- years (duckling DE: "letztes jahr", "dieses jahr", "nächstes jahr", "vor zwei jahren", "in 3 Jahren";
    #    HeidelTime: year prefixes, "Anfang/Mitte/Ende", decades, "heuer"; chrono de_year) --------------------
    ("Letztes Jahr sank der Umsatz.", "Letztes Jahr", "2024"),
    ("Dieses Jahr soll der Gewinn steigen.", "Dieses Jahr", "2025"),
    ("Nächstes Jahr wird die Anlage erweitert.", "Nächstes Jahr", "2026"),
    ("Übernächstes Jahr soll der Neubau fertig sein.", "Übernächstes Jahr", "2027"),
    ("Im vergangenen Jahr wuchs der Markt.", "vergangenen Jahr", "2024"),
    ("Im kommenden Jahr will die Firma expandieren.", "kommenden Jahr", "2026"),
    ("Im laufenden Jahr rechnet die Firma mit Verlust.", "laufenden Jahr", "2025"),
    ("Im Vorjahr lag der Umsatz niedriger.", "Vorjahr", "2024"),
    ("Im Folgejahr soll der Umsatz steigen.", "Folgejahr", "2026"),
    ("Die Firma wurde 1998 gegründet.", "1998", "1998"),
    ("Im Jahr 2020 begann die Pandemie.", "Jahr 2020", "2020"),
    ("Vor zwei Jahren wurde das Werk eröffnet.", "Vor zwei Jahren", "2023"),
    ("In drei Jahren soll das Netz stehen.", "In drei Jahren", "2028"),
    ("Anfang 2025 stellte das Team den Plan vor.", "Anfang 2025", "2025"),
    ("Mitte 2024 wurde der Chef ausgetauscht.", "Mitte 2024", "2024"),
    ("Ende 2026 soll das Werk laufen.", "Ende 2026", "2026"),
    ("Ende des Jahres soll ein Nachfolger kommen.", "Ende des Jahres", "2025"),
    ("Ende letzten Jahres wurde der Vertrag gekündigt.", "Ende letzten Jahres", "2024"),
    ("Anfang nächsten Jahres soll das Modell kommen.", "Anfang nächsten Jahres", "2026"),
    ("Mitte des Jahres wird entschieden.", "Mitte des Jahres", "2025"),
    ("Heuer soll der Umsatz steigen.", "Heuer", "2025"),
    ("Im Geschäftsjahr 2024/25 stieg der Gewinn.", "Geschäftsjahr 2024/25", "2024/2025"),
    ("In den 90er Jahren war die Firma klein.", "90er Jahren", "1990/1999"),
    ("Zwischen 2020 und 2022 sank die Zahl.", "Zwischen 2020 und 2022", "2020/2022"),
    ("Von 2019 bis 2021 leitete sie das Institut.", "Von 2019 bis 2021", "2019/2021"),
    ("Seit 2020 wächst der Markt.", "Seit 2020", "2020"),
    ("Bis 2030 soll die Flotte elektrisch fahren.", "Bis 2030", "2030"),
    ("Zum Jahreswechsel wurden die Preise erhöht.", "Jahreswechsel", "2024-12/2025-01"),
    ("Zum Jahresende wird abgerechnet.", "Jahresende", "2025"),
    ("Vor einem Jahr begann der Umbau.", "Vor einem Jahr", "2024"),
]

EN = [
    # -- absolute days (duckling EN: "march 3 2015", "march 3rd 2015", "3/3/2015", "the 1st of march",
    #    "the 15th of february", "15th february", "Monday, Feb 18", "Fri, Jul 18"; SUTime; dateparser en rows) ---
    ("The company released the model on March 3, 2025.", "March 3, 2025", "2025-03-03"),
    ("The deal closed on March 3rd 2015.", "March 3rd 2015", "2015-03-03"),
    ("The filing is dated 3/15/2025.", "3/15/2025", "2025-03-15"),
    ("Sales fell on 3/3/15, the report said.", "3/3/15", "2015-03-03"),
    ("The update shipped on 2015-03-03.", "2015-03-03", "2015-03-03"),
    ("The law took effect on the 1st of March 2024.", "1st of March 2024", "2024-03-01"),
    ("The board met on the 3rd of March.", "3rd of March", "2025-03-03"),
    ("The hearing was held on 15 February 2025.", "15 February 2025", "2025-02-15"),
    ("The vote took place on 15th February.", "15th February", "2025-02-15"),
    ("The trial began March 3rd.", "March 3rd", "2025-03-03"),
    ("The company reported results on Monday, Feb 17, 2025.", "Monday, Feb 17, 2025", "2025-02-17"),
    ("The lawsuit was filed Fri, Jul 18, 2014.", "Fri, Jul 18, 2014", "2014-07-18"),
    ("The event is scheduled for June 20.", "June 20", "2025-06-20"),
    ("The policy changed on Dec. 3, 2024.", "Dec. 3, 2024", "2024-12-03"),
    ("The conference runs June 3-5, 2025.", "June 3-5, 2025", "2025-06-03/2025-06-05"),
    ("The firm will report on July 30.", "July 30", "2025-07-30"),
    ("Shares rose on April 14, 2015.", "April 14, 2015", "2015-04-14"),
    ("The product launched on May 2.", "May 2", "2025-05-02"),
    ("The review ends on 30 April 2026.", "30 April 2026", "2026-04-30"),
    ("The rules apply from January 1, 2026.", "from January 1, 2026", "2026-01-01"),
    ("The agency said on Sept. 9, 2024 that it would act.", "Sept. 9, 2024", "2024-09-09"),
    ("The company said on 12/31/2024 that it had sold the unit.", "12/31/2024", "2024-12-31"),
    ("The contract runs until October 31, 2026.", "until October 31, 2026", "2026-10-31"),
    ("The first of March was chosen as the launch date.", "first of March", "2025-03-01"),
    ("Hearings are set for the 20th of June.", "20th of June", "2025-06-20"),
    # -- days relative (duckling EN: yesterday, tomorrow, "the day after tomorrow", "next tuesday",
    #    "last sunday", "wednesday of next week", "wednesday next week", "monday of this week"; SUTime) ----------
    ("Yesterday the company announced layoffs.", "Yesterday", "2025-05-14"),
    ("The results come out tomorrow.", "tomorrow", "2025-05-16"),
    ("Today the board will vote.", "Today", "2025-05-15"),
    ("The day after tomorrow the talks will resume.", "The day after tomorrow", "2025-05-17"),
    ("The day before yesterday the server crashed.", "The day before yesterday", "2025-05-13"),
    ("Last night the rocket was launched.", "Last night", "2025-05-14"),
    ("The vote will be held next Tuesday.", "next Tuesday", "2025-05-20"),
    ("Last Sunday voters went to the polls.", "Last Sunday", "2025-05-11"),
    ("The CEO resigned last Monday.", "last Monday", "2025-05-12"),
    ("The team will meet Wednesday of next week.", "Wednesday of next week", "2025-05-21"),
    ("The team will meet Wednesday next week.", "Wednesday next week", "2025-05-21"),
    ("The strike began Monday of this week.", "Monday of this week", "2025-05-12"),
    ("The company said on Tuesday that it had cut jobs.", "Tuesday", "2025-05-13"),
    ("The court will rule on Friday.", "Friday", "2025-05-16"),
    ("Shares fell on Monday morning.", "Monday morning", "2025-05-12"),
    ("Talks broke down Tuesday night.", "Tuesday night", "2025-05-13"),
    ("This Monday the plant was closed.", "This Monday", "2025-05-12"),
    ("Seven days ago the update was pushed.", "Seven days ago", "2025-05-08"),
    ("The patch arrived 14 days ago.", "14 days ago", "2025-05-01"),
    ("The offer expires in 7 days.", "in 7 days", "2025-05-22"),
    ("The outage began three days ago.", "three days ago", "2025-05-12"),
    # -- weeks (duckling EN: "this week", "current week", "last week", "past week", "previous week", "next week",
    #    "the following week", "a week ago", "in a week", "first week of october 2014"; SUTime weekends) ------
    ("This week the company cut prices.", "This week", "2025-05-12/2025-05-18"),
    ("Last week shares fell sharply.", "Last week", "2025-05-05/2025-05-11"),
    ("Next week the firm will report.", "Next week", "2025-05-19/2025-05-25"),
    ("Over the past week the price dropped.", "the past week", "2025-05-05/2025-05-11"),
    ("The previous week had been quiet.", "The previous week", "2025-05-05/2025-05-11"),
    ("The coming week will be decisive.", "The coming week", "2025-05-19/2025-05-25"),
    ("The current week has been busy.", "The current week", "2025-05-12/2025-05-18"),
    ("A week ago the model was released.", "A week ago", "2025-W19"),
    ("Two weeks ago the firm raised money.", "Two weeks ago", "2025-W18"),
    ("The decision is due in a week.", "in a week", "2025-W21"),
    ("The week after next the plant will reopen.", "The week after next", "2025-05-26/2025-06-01"),
    ("Late next week the rules will change.", "Late next week", "2025-05-19/2025-05-25"),
    ("Early last week the deal fell apart.", "Early last week", "2025-05-05/2025-05-11"),
    ("By the end of the week a deal will be signed.", "By the end of the week", "2025-05-12/2025-05-18"),
    ("In week 20 deliveries begin.", "week 20", "2025-W20"),
    ("Over the weekend the service went down.", "weekend", "2025-05-10/2025-05-11"),
    ("This weekend the festival will take place.", "This weekend", "2025-05-17/2025-05-18"),
    ("Last weekend protesters gathered.", "Last weekend", "2025-05-10/2025-05-11"),
    ("This past weekend the app crashed.", "This past weekend", "2025-05-10/2025-05-11"),
    ("This past week the stock slid.", "This past week", "2025-05-05/2025-05-11"),
    # -- months (duckling EN: "October 2014", "next March", "last month", "next month"; SUTime "mid-March";
    #    chrono en month names; dateparser en rows "Sept 2024", "Jan 2025") ------------------------------------
    ("In October 2024 sales slumped.", "October 2024", "2024-10"),
    ("The model will launch in October.", "October", "2025-10"),
    ("In February the firm posted a loss.", "February", "2025-02"),
    ("The plant will open next March.", "next March", "2026-03"),
    ("Last month inflation rose.", "Last month", "2025-04"),
    ("Next month prices will rise.", "Next month", "2025-06"),
    ("This month the deadline expires.", "This month", "2025-05"),
    ("The previous month had been weak.", "The previous month", "2025-04"),
    ("Three months ago the plan was scrapped.", "Three months ago", "2025-02"),
    ("In two months the season begins.", "In two months", "2025-07"),
    ("Early March the company showed the device.", "Early March", "2025-03"),
    ("The plant should run by mid-June.", "by mid-June", "2025-06"),
    ("The vote came in mid-March.", "mid-March", "2025-03"),
    ("Late January 2025 the decision fell.", "Late January 2025", "2025-01"),
    ("At the end of the month the contract expires.", "the end of the month", "2025-05"),
    ("Since March 2024 the rule has applied.", "Since March 2024", "2024-03"),
    ("The firm plans a rebuild by July 2026.", "by July 2026", "2026-07"),
    ("From April to June 2024 the campaign ran.", "From April to June 2024", "2024-04/2024-06"),
    ("Between April and June sales rose.", "Between April and June", "2025-04/2025-06"),
    ("As of October 2024 there were 300 stores.", "As of October 2024", "2024-10"),
    ("Sales fell in Sept. 2024.", "Sept. 2024", "2024-09"),
    ("The price rose in Jan 2025.", "Jan 2025", "2025-01"),
    ("Earlier this month the firm cut jobs.", "Earlier this month", "2025-05-01/2025-05-15"),
    ("The first week of March was busy.", "The first week of March", "2025-03-03/2025-03-09"),
    ("The beginning of March was cold.", "The beginning of March", "2025-03"),
    ("The fair opens in March of 2026.", "March of 2026", "2026-03"),
    # -- quarters (duckling EN: "this quarter", "next quarter", "third quarter", "3rd quarter", "4th quarter 2018",
    #    "the 4th qtr of 2018"; SUTime quarters; financial news "Q3", "fiscal 2025") ----------------------------
    ("This quarter will be difficult.", "This quarter", "2025-Q2"),
    ("Next quarter margins should improve.", "Next quarter", "2025-Q3"),
    ("Last quarter profit fell.", "Last quarter", "2025-Q1"),
    ("The previous quarter was stronger.", "The previous quarter", "2025-Q1"),
    ("The current quarter looks weak.", "The current quarter", "2025-Q2"),
    ("The third quarter of 2024 was weak.", "third quarter of 2024", "2024-Q3"),
    ("In the 3rd quarter of 2024 sales fell.", "3rd quarter of 2024", "2024-Q3"),
    ("The 4th quarter 2018 was a disaster.", "4th quarter 2018", "2018-Q4"),
    ("Revenue for Q3 2024 missed estimates.", "Q3 2024", "2024-Q3"),
    ("The product will ship by the end of Q3.", "by the end of Q3", "2025-Q3"),
    ("End of Q3 the product will ship.", "End of Q3", "2025-Q3"),
    ("In the fourth quarter sales will rise.", "fourth quarter", "2025-Q4"),
    ("Second-quarter revenue rose 10 percent.", "Second-quarter", "2025-Q2"),
    ("The company reported third-quarter results in October 2024.", "October 2024", "2024-10"),
    ("Results for 1Q25 were strong.", "1Q25", "2025-Q1"),
    ("Early in the second quarter of 2024 demand turned.", "Early in the second quarter of 2024", "2024-Q2"),
    ("The first quarter of next year will be key.", "first quarter of next year", "2026-Q1"),
    # -- halves, seasons (duckling EN: "this summer", "current summer", "this winter"; SUTime seasons;
    #    HeidelTime english part words) ------------------------------------------------------------------------
    ("In the first half of 2024 profit rose.", "first half of 2024", "2024-H1"),
    ("For H2 2025 the board expects growth.", "H2 2025", "2025-H2"),
    ("The second half of the year will be better.", "second half of the year", "2025-H2"),
    ("This summer the bridge will be finished.", "This summer", "2025-summer"),
    ("This winter was mild.", "This winter", "2024-winter"),
    ("The device will arrive in the fall.", "fall", "2025-autumn"),
    ("In the spring of 2026 construction begins.", "spring of 2026", "2026-spring"),
    ("In summer 2024 forests burned.", "summer 2024", "2024-summer"),
    ("Last summer sales collapsed.", "Last summer", "2024-summer"),
    ("Next spring elections will be held.", "Next spring", "2026-spring"),
    ("The plant will open at the end of the summer.", "the end of the summer", "2025-summer"),
    ("The fall of 2024 brought a recession.", "fall of 2024", "2024-autumn"),
    ("The company expects a recovery this fall.", "this fall", "2025-autumn"),
    # -- years (duckling EN: "last year", "this year", "current year", "next year", "two years ago", "1954";
    #    SUTime "early 2025", "fiscal 2025"; HeidelTime english decades) ---------------------------------------
    ("Last year revenue fell.", "Last year", "2024"),
    ("This year profit should rise.", "This year", "2025"),
    ("Next year the plant will expand.", "Next year", "2026"),
    ("The current year looks strong.", "The current year", "2025"),
    ("The previous year had been weak.", "The previous year", "2024"),
    ("The company was founded in 1998.", "1998", "1998"),
    ("In the year 2020 the pandemic began.", "the year 2020", "2020"),
    ("Two years ago the plant opened.", "Two years ago", "2023"),
    ("A year ago the stock peaked.", "A year ago", "2024"),
    ("In three years the network will be complete.", "In three years", "2028"),
    ("Early 2025 the team presented the plan.", "Early 2025", "2025"),
    ("In mid-2024 the CEO was replaced.", "mid-2024", "2024"),
    ("By late 2026 the plant should run.", "By late 2026", "2026"),
    ("By the end of the year a successor will be named.", "By the end of the year", "2025"),
    ("At the end of last year the contract was cancelled.", "the end of last year", "2024"),
    ("At the beginning of next year the model will arrive.", "the beginning of next year", "2026"),
    ("Earlier this year the firm cut staff.", "Earlier this year", "2025-01-01/2025-05-15"),
    ("Later this year the firm will expand.", "Later this year", "2025-05-15/2025-12-31"),
    ("Fiscal 2025 revenue will grow.", "Fiscal 2025", "2025"),
    ("In fiscal year 2024 profit rose.", "fiscal year 2024", "2024"),
    ("Revenue in FY2024 rose.", "FY2024", "2024"),
    ("In the 1990s the firm was small.", "1990s", "1990/1999"),
    ("In the '90s the firm was small.", "'90s", "1990/1999"),
    ("Between 2020 and 2022 the number fell.", "Between 2020 and 2022", "2020/2022"),
    ("From 2019 to 2021 she ran the lab.", "From 2019 to 2021", "2019/2021"),
    ("Since 2020 the market has grown.", "Since 2020", "2020"),
    ("By 2030 the fleet will be electric.", "By 2030", "2030"),
    ("Prices rose at year-end.", "year-end", "2024"),
    ("The 2024-2025 season ended.", "2024-2025", "2024/2025"),
]

# Sentences without any time: model names, versions, amounts, counts, percentages, words that look like
# months or weekdays (kinds of duckling's negative corpus and dateparser's false hits; issue 3's not-time list).
DE_NONE = [
    "Meta hat Llama 4 vorgestellt.",
    "GPT-4.5 übertrifft Claude 3.5 in mehreren Tests.",
    "Das Modell hat 72 Milliarden Parameter.",
    "Das Training kostete 3,5 Milliarden US-Dollar.",
    "Es wurde mit 2 Billionen Token trainiert.",
    "Die Variante mit 400B Parametern ist groß.",
    "Das Kontextfenster umfasst 2048 Token.",
    "Die Firma beschäftigt 2000 Mitarbeiter.",
    "Der Anteil stieg um 20 Prozent.",
    "Version 2.1 behebt mehrere Fehler.",
    "Das Update auf Python 3.11 war nötig.",
    "Der Index schloss bei 2034 Punkten.",
    "Die quantisierte Fassung Q4_K_M läuft lokal.",
    "Die Firma kaufte H100 und A100 Chips.",
    "Mai Thi Nguyen-Kim erklärte das Verfahren.",
    "Die Autorin Petra Sommer sprach auf dem Podium.",
    "August Meier leitet das Labor.",
    "Guten Morgen, sagte der Moderator.",
    "Das Hotel liegt am See.",
    "Ein Angebot kam von Mistral.",
    "Die Abstimmung endete 52 zu 48.",
    "Der Konzern verkaufte 1,5 Millionen Geräte.",
    "Das Modell Gemini 2.0 Flash ist schnell.",
    "Die Seite 2019 des Berichts fehlt.",
    "Die Karte RTX 4090 ist teuer.",
    "Der Preis liegt bei 1999 Euro.",
    "Mit der Firma sprach die Ministerin.",
    "Die Märzrevolution ist ein Thema im Unterricht.",
    "Der Herbstwind weht über das Feld.",
    "Die Mistral-Modelle mit 7B und 8x22B Parametern sind offen.",
    "Er belegte Platz 3 von 2000 Teilnehmern.",
    "Die Zahl der Nutzer liegt bei 2025 pro Server.",
]

EN_NONE = [
    "Meta unveiled Llama 4.",
    "GPT-4.5 beats Claude 3.5 on several benchmarks.",
    "The model has 72 billion parameters.",
    "Training cost $3.5 billion.",
    "It was trained on 2 trillion tokens.",
    "The 400B variant is large.",
    "The model has a 2048-token context window.",
    "The firm employs 2000 people.",
    "The share rose 20 percent.",
    "Version 2.1 fixes several bugs.",
    "The model may fail on long inputs.",
    "May the best model win.",
    "Thousands of protesters march through the city.",
    "Author August Wilson wrote ten plays.",
    "Prices may fall further.",
    "The index closed at 2034 points.",
    "The quantized Q4_K_M build runs locally.",
    "The firm bought H100 and A100 chips.",
    "Sun Microsystems was a pioneer.",
    "The newly wed couple left.",
    "She sat down and smiled.",
    "Jan Leike joined the safety team.",
    "Gemini 2.0 Flash is fast.",
    "The RTX 4090 is expensive.",
    "The price is 1999 dollars.",
    "Prices spring back quickly.",
    "The startup sold 1.5 million devices.",
    "Mistral released 7B and 8x22B models.",
    "She finished third out of 2000 participants.",
    "The chip has 2048 cores.",
    "One second was enough.",
    "The Fall Guys game is popular.",
]


def bounds(value: str) -> tuple[date, date]:
    if "/" in value:
        a, b = value.split("/")
        return bounds(a)[0], bounds(b)[1]
    head, _, tail = value.partition("-")
    if tail.startswith("Q"):
        s = ts.quarter(int(head), int(tail[1:]))
    elif tail.startswith("H"):
        s = ts.half(int(head), int(tail[1:]))
    elif tail.startswith("W"):
        s = iso_week(int(head), int(tail[1:]))
    elif tail and tail[0].isalpha():
        s = ts.season(int(head), tail)
    else:
        s = ts.parse_iso(value)
    return s.start, s.end


def edtf_bounds(edtf: str) -> tuple[date, date] | None:
    """Bounds of the tagger's EDTF (quarters as 33-36, seasons as 21-24), for modified expressions."""
    try:
        if "/" in edtf:
            a, b = edtf.split("/")
            return edtf_bounds(a)[0], edtf_bounds(b)[1]
        parts = edtf.split("-")
        if len(parts) == 2 and int(parts[1]) > 12:
            code, y = int(parts[1]), int(parts[0])
            if code <= 24:
                s = ts.season(y, ["spring", "summer", "autumn", "winter"][code - 21])
            else:
                s = ts.quarter(y, code - 32)
            return s.start, s.end
        s = ts.parse_iso(edtf)
        return s.start, s.end
    except (ValueError, TypeError, IndexError):
        return None


def evaluate(language: str, rows, negatives, show: bool) -> dict[str, float]:
    published = ts.parse_iso(PUBLISHED)
    exact = correct = 0
    misses = []
    for text, span, value in rows:
        found = tag(text, published, language)
        hit = next((e for e in found if e.text == span), None)
        if hit is None:
            misses.append(f"  SPAN  {span!r:38} got {[e.text for e in found]}  <- {text}")
            continue
        exact += 1
        if value is None:
            correct += 1
            continue
        want = bounds(value)
        got = (hit.when.start, hit.when.end) if hit.when else None
        if got == want or (hit.when and hit.modifier and edtf_bounds(hit.when.edtf) == want):
            correct += 1
        else:
            misses.append(f"  VALUE {span!r:38} want {want[0]}..{want[1]} got "
                          f"{hit.when.edtf + ' ' + str(got[0]) + '..' + str(got[1]) if hit.when else None}")
    false = []
    for text in negatives:
        found = tag(text, published, language)
        if found:
            false.append(f"  FALSE {[e.text for e in found]}  <- {text}")
    n = len(rows)
    print(f"{language}: {n} phrases, exact span {100 * exact / n:.1f}%, correct resolution {100 * correct / n:.1f}%, "
          f"false positives {len(false)} of {len(negatives)} not-time sentences")
    if show:
        for line in misses + false:
            print(line)
    return {"exact": exact / n, "correct": correct / n, "false": len(false)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["de", "en"], action="append")
    parser.add_argument("--show", action="store_true", help="list the misses and false positives")
    args = parser.parse_args()
    sets = {"de": (DE, DE_NONE), "en": (EN, EN_NONE)}
    for language in args.lang or ["de", "en"]:
        evaluate(language, *sets[language], args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
