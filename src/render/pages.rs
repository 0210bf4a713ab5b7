//! One function per kind of page: which template, and the view it gets.

use serde::Serialize;

use crate::markdown;
use crate::text::Shown;
use crate::urls;

use super::Listing;
use super::drawn::{Cards, Drawn, Form, Lists};
use super::views::*;

/// A page to write: its language-neutral path, the template, and the page-specific view.
pub struct Page {
    pub path: String,
    pub template: &'static str,
    pub title: String,
    pub description: String,
    /// The language of the main text, when it is not the page's (a missing translation).
    pub fallback: bool,
    /// False for a page written in one language only (the 404 page): its language links then lead
    /// to each language's home page.
    pub in_every_language: bool,
    /// Whose preview card the page shows, and whether it has share links.
    pub card: Card,
    pub view: tera::Value,
    /// The lists of people the view shows as cards.
    pub lists: Lists,
}

impl Page {
    fn with_cards(mut self, lists: Lists) -> Page {
        self.lists = lists;
        self
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Card {
    Site,
    Person(usize),
    Statement(usize),
}

pub(super) fn page(
    path: String,
    template: &'static str,
    title: String,
    description: String,
    view: impl Serialize,
) -> Page {
    Page {
        path,
        template,
        title,
        description,
        fallback: false,
        in_every_language: true,
        card: Card::Site,
        view: tera::Value::from_serializable(&view),
        lists: Lists::default(),
    }
}

#[derive(Serialize)]
struct Home {
    held_now: String,
    held_now_text: String,
    statuses: Vec<Link>,
    statements: Vec<StatementCard>,
    /// The people held, the latest arrested first, at most `HOME_PEOPLE`.
    people: Cards,
    /// "The 24 latest arrests of the 312 people held", when the home page does not show them all.
    people_latest: Option<String>,
}

/// How many of the people held the home page shows. Every one would make it megabytes for a
/// campaign of thousands (2.4 MB at 10,000 people), a long wait on a slow phone; the people page
/// lists everyone, and the home page links to it.
const HOME_PEOPLE: usize = 24;

/// The people the home page shows: the held, the latest arrested first (in the site's order when
/// arrested the same day), at most `HOME_PEOPLE`; and how many are held.
fn home_people(site: &crate::model::Site) -> (Vec<usize>, usize) {
    let mut held: Vec<usize> = (0..site.profiles.len())
        .filter(|&i| site.profiles[i].status.is_held())
        .collect();
    held.sort_by_key(|&i| std::cmp::Reverse(site.profiles[i].arrested.latest()));
    let total = held.len();
    held.truncate(HOME_PEOPLE);
    (held, total)
}

pub fn home(v: &Views, drawn: &Drawn) -> Page {
    let site = v.site;
    let (held, total) = home_people(site);
    let people_latest = (held.len() < total).then(|| {
        v.t.home_latest
            .replace("{n}", &v.t.number(held.len() as f64))
            .replace("{total}", &v.t.number(total as f64))
    });
    let held_now = crate::charts::query::held_now(site);
    let mut lists = drawn.lists();
    let view = Home {
        held_now: v.t.number(held_now as f64),
        held_now_text: v.t.held_now.replace("{n}", &v.t.number(held_now as f64)),
        statuses: v.status_links(),
        statements: v.statements(&(0..site.statements.len().min(3)).collect::<Vec<_>>()),
        people: lists.cards(&held, Form::Grid),
        people_latest,
    };
    let title = site.config.title.in_lang(v.lang).to_string();
    let description = site.config.description.in_lang(v.lang).to_string();
    page(urls::home(), "home.html", title, description, view).with_cards(lists)
}

#[derive(Serialize)]
struct People {
    groups: Vec<Group>,
    facets: Vec<Facet>,
    filters: Vec<Filter>,
    /// The name-folding table, for the search script.
    fold: String,
    data: Vec<Link>,
}

/// A select of the people index's filters: which card attribute it matches, and its choices.
#[derive(Serialize)]
struct Filter {
    key: &'static str,
    label: String,
    options: Vec<Link>,
}

fn filters(v: &Views) -> Vec<Filter> {
    let site = v.site;
    let ix = &site.index;
    let named = |list: &[crate::model::Named], people: &[Vec<usize>]| -> Vec<Link> {
        let mut out: Vec<Link> = list
            .iter()
            .zip(people)
            .filter(|(_, p)| !p.is_empty())
            .map(|(x, _)| Link {
                href: x.id.clone(),
                label: x.name.in_lang(v.lang).into(),
                current: false,
                note: None,
            })
            .collect();
        out.sort_by_key(|a| a.label.to_lowercase());
        out
    };
    let statuses = ix
        .people_of_status
        .iter()
        .map(|(s, _)| Link {
            href: s.key().into(),
            label: v.t.status(*s).into(),
            current: false,
            note: None,
        })
        .collect();
    [
        ("status", v.t.by_status.clone(), statuses),
        (
            "profession",
            v.t.by_profession.clone(),
            named(&site.professions, &ix.people_of_profession),
        ),
        (
            "case",
            v.t.by_case.clone(),
            named(&site.cases, &ix.people_of_case),
        ),
    ]
    .into_iter()
    .filter(|(_, _, o): &(_, _, Vec<Link>)| o.len() > 1)
    .map(|(key, label, options)| Filter {
        key,
        label,
        options,
    })
    .collect()
}

#[derive(Serialize)]
pub struct Facet {
    label: String,
    links: Vec<Link>,
}

fn facets(v: &Views) -> Vec<Facet> {
    let site = v.site;
    let ix = &site.index;
    let l = v.lang;
    let all = [
        (&v.t.by_status, v.status_links()),
        (
            &v.t.by_profession,
            v.facet(
                &site.professions,
                &ix.people_of_profession,
                |x| x.name.in_lang(l).into(),
                |x| urls::profession(&x.id),
            ),
        ),
        (
            &v.t.by_case,
            v.facet(
                &site.cases,
                &ix.people_of_case,
                |x| x.name.in_lang(l).into(),
                |x| urls::case(&x.id),
            ),
        ),
        (
            &v.t.by_charge,
            v.facet(
                &site.charges,
                &ix.people_of_charge,
                |x| x.article.clone(),
                |x| urls::charge(&x.id),
            ),
        ),
        (
            &v.t.by_prison,
            v.facet(
                &site.prisons,
                &ix.people_of_prison,
                |x| x.name.in_lang(l).into(),
                |x| urls::prison(&x.id),
            ),
        ),
    ];
    all.into_iter()
        .filter(|(_, links)| !links.is_empty())
        .map(|(label, links)| Facet {
            label: label.clone(),
            links,
        })
        .collect()
}

pub fn people(v: &Views, drawn: &Drawn) -> Page {
    let mut lists = drawn.lists();
    let view = People {
        groups: v.status_groups(&mut lists),
        facets: facets(v),
        filters: filters(v),
        fold: crate::search::table_json(),
        data: crate::opendata::links(v.site, v.lang)
            .into_iter()
            .map(|(href, label)| Link {
                href,
                label: label.into(),
                current: false,
                note: None,
            })
            .collect(),
    };
    page(
        urls::people(),
        "people.html",
        v.t.people_title.clone(),
        v.t.people_intro.clone(),
        view,
    )
    .with_cards(lists)
}

#[derive(Serialize)]
struct ListingView {
    heading: String,
    /// What the listing is by: "Status", "Profession", ...
    kind: String,
    /// An article's text, a prison's address.
    note: Option<String>,
    people: Cards,
    back: String,
}

/// The people of one status, profession, case, charge or prison (one with someone in it: see
/// `Listing::all`).
pub fn listing(v: &Views, drawn: &Drawn, of: Listing) -> Page {
    let site = v.site;
    let ix = &site.index;
    let l = v.lang;
    let (kind, heading, note) = match of {
        Listing::Status(i) => {
            let s = ix.people_of_status[i].0;
            (&v.t.by_status, v.t.status(s).to_string(), None)
        }
        Listing::Profession(i) => {
            let x = &site.professions[i];
            (&v.t.by_profession, x.name.in_lang(l).into(), None)
        }
        Listing::Case(i) => {
            let x = &site.cases[i];
            (&v.t.by_case, x.name.in_lang(l).into(), None)
        }
        Listing::Charge(i) => {
            let x = &site.charges[i];
            (
                &v.t.by_charge,
                x.article.clone(),
                Some(x.text.in_lang(l).into()),
            )
        }
        Listing::Prison(i) => {
            let x = &site.prisons[i];
            (&v.t.by_prison, x.name.in_lang(l).into(), x.address.clone())
        }
    };
    let mut lists = drawn.lists();
    let view = ListingView {
        heading: heading.clone(),
        kind: kind.clone(),
        note,
        people: lists.cards(of.people(site), Form::Listing),
        back: v.href(&urls::people()),
    };
    page(
        of.path(site),
        "listing.html",
        heading,
        v.t.people_intro.clone(),
        view,
    )
    .with_cards(lists)
}

#[derive(Serialize)]
struct Person {
    /// A `PersonCard`, as the cards were drawn with (`Drawn::view`), as are `same_case`'s.
    card: tera::Value,
    summary: Option<String>,
    summary_fallback: bool,
    /// "held since 29 April 2024", for the printed poster.
    since: Option<String>,
    facts: Vec<Fact>,
    earlier: Vec<Vec<Fact>>,
    bio: String,
    bio_fallback: bool,
    statements: Vec<StatementCard>,
    case: Option<Link>,
    same_case: Vec<tera::Value>,
    /// The link to all of them, when the case has more people than a person's page shows.
    same_case_all: Option<String>,
}

/// A person's page shows this many others of their case, and links to the case's page for the
/// rest: a mass trial of hundreds would otherwise make every one of their pages heavy to open on a
/// phone (and, over 10,000 people, the site too heavy for GitHub Pages).
pub const SAME_CASE_SHOWN: usize = 12;

pub fn person(v: &Views, drawn: &Drawn, i: usize) -> Page {
    let site = v.site;
    let p = &site.profiles[i];
    let l = v.lang;
    let t = v.t;
    let date = |d: crate::date::PartialDate| FactItem {
        datetime: Some(d.to_string()),
        ..FactItem::text(t.date(d))
    };
    let mut facts = vec![Fact {
        label: t.fact_status.clone(),
        items: vec![FactItem::text(t.status(p.status))],
    }];
    facts.push(Fact {
        label: t.fact_arrested.clone(),
        items: vec![date(p.arrested)],
    });
    if let Some(r) = p.released {
        facts.push(Fact {
            label: t.fact_released.clone(),
            items: vec![date(r)],
        });
    }
    let held = v.held(p);
    if !held.is_empty() {
        facts.push(Fact {
            label: t.fact_held.clone(),
            items: vec![FactItem::text(held.clone())],
        });
    }
    if let Some(b) = p.born {
        facts.push(Fact {
            label: t.fact_born.clone(),
            items: vec![date(b)],
        });
    }
    let link = |text: String, path: String| FactItem {
        href: Some(v.href(&path)),
        ..FactItem::text(text)
    };
    if let Some(x) = p.profession {
        let x = &site.professions[x];
        facts.push(Fact {
            label: t.fact_profession.clone(),
            items: vec![link(x.name.in_lang(l).into(), urls::profession(&x.id))],
        });
    }
    if let Some(x) = p.organisation {
        let x = &site.organisations[x];
        facts.push(Fact {
            label: t.fact_organisation.clone(),
            items: vec![link(x.name.in_lang(l).into(), urls::organisation(&x.id))],
        });
    }
    if let Some(x) = p.case {
        let x = &site.cases[x];
        facts.push(Fact {
            label: t.fact_case.clone(),
            items: vec![link(x.name.in_lang(l).into(), urls::case(&x.id))],
        });
    }
    facts.extend(charges_and_prison(
        v,
        &p.charges,
        p.sentence.as_ref(),
        p.prison,
    ));
    let earlier = p
        .earlier
        .iter()
        .map(|a| {
            let mut f = vec![Fact {
                label: t.fact_arrested.clone(),
                items: vec![date(a.arrested)],
            }];
            if let Some(r) = a.released {
                f.push(Fact {
                    label: t.fact_released.clone(),
                    items: vec![date(r)],
                });
            }
            f.extend(charges_and_prison(
                v,
                &a.charges,
                a.sentence.as_ref(),
                a.prison,
            ));
            f
        })
        .collect();
    let bio: Shown = p.bio.get(l);
    let mut same_case = p
        .case
        .map(|c| {
            site.index.people_of_case[c]
                .iter()
                .copied()
                .filter(|&j| j != i)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let same_case_all = (same_case.len() > SAME_CASE_SHOWN).then(|| {
        let all = same_case.len() + 1;
        t.same_case_all.replace("{n}", &t.number(all as f64))
    });
    same_case.truncate(SAME_CASE_SHOWN);
    let shown_summary = p.summary.as_ref().map(|s| s.get(l));
    let summary = shown_summary.map(|s| s.text.to_string());
    let description = summary
        .clone()
        .or_else(|| Some(first_paragraph(bio.text)).filter(|d| !d.is_empty()))
        .unwrap_or_else(|| format!("{} · {held}", t.status(p.status)));
    let view = Person {
        since: p
            .status
            .is_held()
            .then(|| t.since.replace("{date}", &t.date(p.arrested))),
        summary_fallback: shown_summary.is_some_and(|s| s.fallback),
        summary,
        facts,
        earlier,
        bio: markdown::to_html(bio.text, site, l),
        bio_fallback: bio.fallback,
        statements: v.statements(&site.index.statements_of_profile[i]),
        case: p.case.map(|c| Link {
            href: v.href(&urls::case(&site.cases[c].id)),
            label: site.cases[c].name.in_lang(l).into(),
            current: false,
            note: None,
        }),
        same_case: same_case
            .iter()
            .map(|&j| drawn.view(l, j).clone())
            .collect(),
        same_case_all,
        card: drawn.view(l, i).clone(),
    };
    let title = p.name.in_lang(l).to_string();
    let mut out = page(
        urls::person(&p.slug),
        "person.html",
        title,
        description,
        view,
    );
    out.fallback = bio.fallback;
    out.card = Card::Person(i);
    out
}

fn charges_and_prison(
    v: &Views,
    charges: &[usize],
    sentence: Option<&crate::text::Text>,
    prison: Option<usize>,
) -> Vec<Fact> {
    let (site, t, l) = (v.site, v.t, v.lang);
    let mut facts = Vec::new();
    if !charges.is_empty() {
        let items = charges
            .iter()
            .map(|&c| {
                // An earlier arrest's charge may have nobody held on it now, and so no page.
                let listed = !site.index.people_of_charge[c].is_empty();
                let c = &site.charges[c];
                FactItem {
                    href: listed.then(|| v.href(&urls::charge(&c.id))),
                    note: Some(c.text.in_lang(l).into()),
                    ..FactItem::text(c.article.clone())
                }
            })
            .collect();
        facts.push(Fact {
            label: t.fact_charges.clone(),
            items,
        });
    }
    if let Some(s) = sentence {
        facts.push(Fact {
            label: t.fact_sentence.clone(),
            items: vec![FactItem::text(s.in_lang(l))],
        });
    }
    if let Some(x) = prison {
        let listed = !site.index.people_of_prison[x].is_empty();
        let x = &site.prisons[x];
        let item = FactItem {
            href: listed.then(|| v.href(&urls::prison(&x.id))),
            note: x.address.clone(),
            ..FactItem::text(x.name.in_lang(l))
        };
        facts.push(Fact {
            label: t.fact_prison.clone(),
            items: vec![item],
        });
    }
    facts
}

#[derive(Serialize)]
struct Statements {
    statements: Vec<StatementCard>,
}

pub fn statements(v: &Views) -> Page {
    let view = Statements {
        statements: v.statements(&(0..v.site.statements.len()).collect::<Vec<_>>()),
    };
    page(
        urls::statements(),
        "statements.html",
        v.t.statements_title.clone(),
        v.t.statements_intro.clone(),
        view,
    )
}

#[derive(Serialize)]
struct StatementView {
    card: StatementCard,
    title_fallback: bool,
    body: String,
    body_fallback: bool,
    source: Option<String>,
    signatories: Vec<Link>,
    people: Cards,
}

pub fn statement(v: &Views, drawn: &Drawn, i: usize) -> Page {
    let site = v.site;
    let s = &site.statements[i];
    let body = s.body.get(v.lang);
    let title = s.title.get(v.lang);
    let signatories = s
        .signatories
        .iter()
        .map(|&o| {
            let o = &site.organisations[o];
            Link {
                href: v.href(&urls::organisation(&o.id)),
                label: o.name.in_lang(v.lang).into(),
                current: false,
                note: o.country.clone(),
            }
        })
        .collect();
    let mut lists = drawn.lists();
    let view = StatementView {
        card: v.statement(i),
        title_fallback: title.fallback,
        body: markdown::to_html(body.text, site, v.lang),
        body_fallback: body.fallback,
        source: s.source.clone(),
        signatories,
        people: lists.cards(&s.profiles, Form::Grid),
    };
    let description = first_paragraph(body.text);
    let mut out = page(
        urls::statement(&s.slug),
        "statement.html",
        title.text.into(),
        description,
        view,
    )
    .with_cards(lists);
    out.fallback = body.fallback || title.fallback;
    out.card = Card::Statement(i);
    out
}

#[derive(Serialize)]
struct Organisations {
    organisations: Vec<Link>,
}

pub fn organisations(v: &Views) -> Page {
    let site = v.site;
    let mut organisations: Vec<Link> = site
        .organisations
        .iter()
        .zip(&site.index.statements_of_organisation)
        .map(|(o, s)| Link {
            href: v.href(&urls::organisation(&o.id)),
            label: o.name.in_lang(v.lang).into(),
            current: false,
            note: Some(s.len().to_string()),
        })
        .collect();
    organisations.sort_by_key(|a| a.label.to_lowercase());
    page(
        urls::organisations(),
        "organisations.html",
        v.t.organisations_title.clone(),
        v.t.organisations_intro.clone(),
        Organisations { organisations },
    )
}

#[derive(Serialize)]
struct OrganisationView {
    name: String,
    country: Option<String>,
    url: Option<String>,
    statements: Vec<StatementCard>,
    people: Cards,
}

pub fn organisation(v: &Views, drawn: &Drawn, i: usize) -> Page {
    let site = v.site;
    let o = &site.organisations[i];
    let mut lists = drawn.lists();
    let view = OrganisationView {
        name: o.name.in_lang(v.lang).into(),
        country: o.country.clone(),
        url: o.url.clone(),
        statements: v.statements(&site.index.statements_of_organisation[i]),
        people: lists.cards(&site.index.people_of_organisation[i], Form::Grid),
    };
    let title = view.name.clone();
    page(
        urls::organisation(&o.id),
        "organisation.html",
        title,
        v.t.signed_statements.clone(),
        view,
    )
    .with_cards(lists)
}

#[derive(Serialize)]
struct Content {
    body: String,
}

pub fn content(v: &Views, i: usize) -> Page {
    let p = &v.site.pages[i];
    let body = p.body.get(v.lang);
    let path = urls::page(&p.path);
    let charts = crate::charts::figure::Context {
        site: v.site,
        t: v.t,
        lang: v.lang,
        page: &path,
        charts: p.charts_in(v.lang),
    };
    let view = Content {
        body: markdown::to_html_with_charts(body.text, v.site, v.lang, Some(&charts)),
    };
    let description = match p.description.in_lang(v.lang) {
        "" => first_paragraph(body.text),
        d => d.to_string(),
    };
    let mut out = page(
        urls::page(&p.path),
        "page.html",
        p.title.in_lang(v.lang).into(),
        description,
        view,
    );
    out.fallback = body.fallback;
    out
}

pub fn not_found(v: &Views) -> Page {
    let mut out = page(
        urls::not_found(),
        "404.html",
        v.t.not_found_title.clone(),
        v.t.not_found_text.clone(),
        Content {
            body: String::new(),
        },
    );
    out.in_every_language = false;
    out
}

#[derive(Serialize)]
struct Alias {
    target: String,
    absolute: String,
    name: String,
}

/// A redirect from an old address, so links already shared keep working.
pub fn alias(v: &Views, i: usize, alias: &str) -> Page {
    let p = &v.site.profiles[i];
    let target = v.href(&urls::person(&p.slug));
    let view = Alias {
        absolute: v.site.config.absolute(&target),
        target,
        name: p.name.in_lang(v.lang).into(),
    };
    page(
        urls::person(alias),
        "alias.html",
        view.name.clone(),
        String::new(),
        view,
    )
}

/// The first paragraph of a Markdown text, as plain words, for a page description and link
/// previews: at most 200 characters, cut at a word.
pub fn first_paragraph(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut text = String::new();
    let mut inside = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= 200 {
        return text;
    }
    let cut: String = text.chars().take(200).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}
