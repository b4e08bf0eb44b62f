-- Neglect practice survey (WS strategy): one row per practitioner response to a published or superseded edition.
-- Respondents are known by partnership, agency and client id only; the free text has passed PersonalDataInFreeText.
create table practice_survey_response (
    id                             uuid primary key,
    edition_id                     uuid not null references toolkit_edition (id),
    questionnaire_version          integer not null,
    partnership                    text not null check (partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    agency                         text not null,
    client_id                      text not null,
    submitted_at                   timestamptz not null,
    howe_categories_familiarity    smallint not null check (howe_categories_familiarity between 1 and 5),
    confidence_identifying_neglect smallint not null check (confidence_identifying_neglect between 1 and 5),
    tools_useful                   smallint not null check (tools_useful between 1 and 5),
    approaches_applied             text[] not null,
    improvement_suggestion         text check (char_length(improvement_suggestion) <= 1000)
);

-- results are always read per edition and questionnaire version
create index practice_survey_response_edition on practice_survey_response (edition_id, questionnaire_version);
