"""Demo content for the directory, drawn from the council's documents (docs/sources.md): the school support booklet's services
(the booklet: CPD in Thrive, Theraplay, Trauma-Informed Practice and Emotion Coaching, the transitions
team, the health and care lead; the children's services summary: SEND, children in our care, attendance, young carers,
healthy schools, parenting, reading; the careers action plan: careers network and work placements), fictional
post-16 providers, and guides for parents written for a reading age of 9 to 11.

Teams and partners are roles with example.org mailboxes, never real officers."""

from typing import NamedTuple

from portal.home.demo import FE_COLLEGE, SIXTH_FORM_COLLEGE


class DemoTeam(NamedTuple):
    name: str
    directorate: str
    description: str
    contact_role: str
    contact_email: str


CHILDREN = "Children's Services"

TEAMS: dict[str, DemoTeam] = {
    "educational-psychology": DemoTeam(
        "Educational Psychology Service",
        CHILDREN,
        "Psychologists who help schools understand and meet children's learning, social and emotional needs.",
        "Principal Educational Psychologist",
        "educational-psychology@example.org",
    ),
    "send-inclusion": DemoTeam(
        "SEND and Inclusion Service",
        CHILDREN,
        "Statutory SEND assessment, specialist teaching and inclusion support for schools and settings.",
        "SEND Service Manager",
        "send-inclusion@example.org",
    ),
    "sendiass": DemoTeam(
        "SEND Information, Advice and Support Service",
        CHILDREN,
        "Free, impartial and confidential advice for parents, carers and young people about SEND.",
        "SENDIASS Coordinator",
        "sendiass@example.org",
    ),
    "sensory-support": DemoTeam(
        "Sensory Support Service",
        CHILDREN,
        "Qualified teachers of the deaf and of children with vision impairment.",
        "Head of Sensory Support",
        "sensory-support@example.org",
    ),
    "early-years-inclusion": DemoTeam(
        "Early Years Inclusion Team",
        CHILDREN,
        "Support for young children with SEND at home and in early years settings.",
        "Early Years Inclusion Lead",
        "early-years-inclusion@example.org",
    ),
    "virtual-school": DemoTeam(
        "Virtual School",
        CHILDREN,
        "Champions the education of children in our care and children previously in care.",
        "Virtual School Headteacher",
        "virtual-school@example.org",
    ),
    "transitions-team": DemoTeam(
        "Transitions Team",
        CHILDREN,
        "Person-centred transition planning for young people aged 14 and over who are open to social care.",
        "Transitions Team Manager",
        "transitions@example.org",
    ),
    "health-care-lead": DemoTeam(
        "Children and Young People's Health and Care",
        CHILDREN,
        "Joins up health, education and social care so help comes earlier.",
        "Children and Young People Health and Care Lead",
        "cyp-health-care@example.org",
    ),
    "early-help": DemoTeam(
        "Early Help and Family Hubs",
        CHILDREN,
        "Family support workers and family hubs for families who need help before problems grow.",
        "Early Help Duty Officer",
        "early-help@example.org",
    ),
    "attendance-inclusion": DemoTeam(
        "Attendance and Inclusion Team",
        CHILDREN,
        "Works with schools on attendance, exclusions and children missing education.",
        "Attendance Lead Officer",
        "attendance@example.org",
    ),
    "public-health-schools": DemoTeam(
        "Public Health: Healthy Schools",
        "Adults, Health and Wellbeing",
        "Runs the Healthy Schools and Healthy Settings programmes.",
        "Healthy Schools Coordinator",
        "healthy-schools@example.org",
    ),
    "education-improvement": DemoTeam(
        "Education Improvement Service",
        CHILDREN,
        "Supports schools with school improvement, training for staff and the careers network.",
        "Careers Network Coordinator",
        "education-improvement@example.org",
    ),
    "careers-guidance": DemoTeam(
        "Careers Information, Advice and Guidance Team",
        "Regeneration and Inclusive Growth",
        "Qualified careers advisers for young people who need extra help to plan their next steps.",
        "Senior Careers Adviser",
        "careers-guidance@example.org",
    ),
    "employment-training-hub": DemoTeam(
        "Employment and Training Hub",
        "Regeneration and Inclusive Growth",
        "Helps residents into work, training and apprenticeships, and links schools with local employers.",
        "Careers and Skills Officer",
        "employment-hub@example.org",
    ),
    "libraries-reading": DemoTeam(
        "Libraries and Reading",
        "Community Services",
        "Public libraries, the schools library service and reading programmes for families.",
        "Schools Library Service Manager",
        "schools-library@example.org",
    ),
    "safeguarding-education": DemoTeam(
        "Safeguarding in Education",
        CHILDREN,
        "Advice and training for designated safeguarding leads in schools and settings.",
        "Education Safeguarding Adviser",
        "safeguarding-education@example.org",
    ),
}


class DemoPartner(NamedTuple):
    name: str
    description: str
    email: str
    website: str = ""


PARTNERS: dict[str, DemoPartner] = {
    "therapy": DemoPartner(
        "Teesbank Children's Therapy Partnership",
        "An NHS partnership of speech and language therapists and occupational therapists for children.",
        "childrens-therapy@example.org",
        "https://therapy.example.org/",
    ),
    "mhst": DemoPartner(
        "Teesbank Schools Mental Health Support Team",
        "An NHS team of education mental health practitioners working in partner schools.",
        "schools-mhst@example.org",
        "https://mhst.example.org/",
    ),
    "young-carers": DemoPartner(
        "Riverside Young Carers",
        "A local charity for children and young people who look after someone at home.",
        "hello@young-carers.example.org",
        "https://young-carers.example.org/",
    ),
}


class DemoLocation(NamedTuple):
    name: str
    address_1: str
    postcode: str
    town: str = "Stockton-on-Tees"
    latitude: str | None = None
    longitude: str | None = None
    accessibility: str = ""
    kind: str = "physical"


LOCATIONS: dict[str, DemoLocation] = {
    "education-centre": DemoLocation(
        "Council Education Centre",
        "4 Riverside Way",
        "TS18 9ZA",
        latitude="54.56410",
        longitude="-1.31290",
        accessibility="Step-free entrance, lift to all floors, hearing loop in the training rooms.",
    ),
    "family-hub-north": DemoLocation(
        "North Family Hub",
        "12 Larkspur Road",
        "TS19 9ZB",
        latitude="54.58390",
        longitude="-1.34250",
        accessibility="Step-free access. Pushchair parking. Accessible toilet.",
    ),
    "family-hub-south": DemoLocation(
        "South Family Hub",
        "3 Mill Lane",
        "TS17 9ZC",
        town="Thornaby-on-Tees",
        latitude="54.54030",
        longitude="-1.29740",
        accessibility="Step-free access and parking for blue badge holders.",
    ),
    "central-library": DemoLocation(
        "Central Library",
        "21 Market Street",
        "TS18 9ZD",
        latitude="54.56700",
        longitude="-1.31600",
        accessibility="Step-free access, lift, hearing loop at the enquiry desk.",
    ),
    "online": DemoLocation("Online (Microsoft Teams)", "", "", town="", kind="virtual"),
    # Post-16 providers' campuses (fictional places, fictional postcodes).
    "teesmouth-college": DemoLocation(
        f"{FE_COLLEGE}, Riverside Campus",
        "1 College Quay",
        "TS18 9ZE",
        latitude="54.56120",
        longitude="-1.30870",
        accessibility="Step-free campus, lifts in every building, a quiet room and a changing places toilet.",
    ),
    "riverside-sixth-form": DemoLocation(
        SIXTH_FORM_COLLEGE,
        "40 Hartburn Avenue",
        "TS18 9ZF",
        latitude="54.55720",
        longitude="-1.33510",
        accessibility="Step-free access and a lift.",
    ),
    "kingfisher-academy": DemoLocation(
        "Kingfisher Academy Sixth Form",
        "Kingfisher Way",
        "TS20 9ZG",
        latitude="54.59310",
        longitude="-1.31980",
    ),
    "ropery-training": DemoLocation(
        "Ropery Lane Training Centre",
        "7 Ropery Lane",
        "TS18 9ZH",
        latitude="54.56930",
        longitude="-1.30510",
        accessibility="Ground-floor training rooms.",
    ),
    "lowfield-engineering": DemoLocation(
        "Lowfield Process Engineering, Apprentice Academy",
        "Unit 5, Lowfield Industrial Estate",
        "TS18 9ZJ",
        latitude="54.55120",
        longitude="-1.29680",
    ),
    "municipal-buildings": DemoLocation(
        "Council Municipal Offices", "Church Road", "TS18 9ZK", latitude="54.56550", longitude="-1.31470"
    ),
    "pathways-hub": DemoLocation(
        "Pathways Supported Internship Hub",
        "2 Station Street",
        "TS17 9ZL",
        town="Thornaby-on-Tees",
        latitude="54.54560",
        longitude="-1.30340",
        accessibility="Step-free access, sensory room and a quiet space.",
    ),
}


class DemoService(NamedTuple):
    slug: str
    title: str
    owner: str  # a TEAMS slug, or "partner:<PARTNERS key>"
    kind: str
    phases: tuple[str, ...]
    needs: tuple[str, ...]
    summary: str
    offer: tuple[str, ...]
    eligibility: str
    referral_route: str
    checklist: tuple[str, ...]
    contacts: tuple[tuple[str, str, str, str], ...]  # role, email, phone, hours
    cost: str = "free"
    cost_details: str = ""
    locations: tuple[str, ...] = ()
    benchmarks: tuple[int, ...] = ()
    response_time: str = "We reply within 5 working days."
    status: str = "active"
    alert: str = ""
    last_reviewed: tuple[int, int, int] = (2026, 10, 1)


ALL_PHASES = ("early-years", "primary", "secondary", "post-16")
SCHOOL_PHASES = ("primary", "secondary")
OFFICE_HOURS = "Monday to Friday, 8.30am to 5pm"
PHONE = "01632 960 001"  # Ofcom reserves 01632 960xxx for fiction: never a real line

SERVICES: tuple[DemoService, ...] = (
    DemoService(
        "educational-psychology",
        "Educational psychology consultation and assessment",
        "educational-psychology",
        "advice",
        ALL_PHASES,
        ("send", "wellbeing"),
        "Consultation, assessment and advice from educational psychologists for children whose learning, "
        "behaviour or wellbeing is causing concern.",
        (
            "Each school and setting has a link educational psychologist. Together you agree a plan of work "
            "each term: consultations about individual children, work with groups, and training for staff.",
            "Psychologists give statutory psychological advice for education, health and care (EHC) needs "
            "assessments, which is free to schools.",
            "They also support schools after a critical incident, such as the death of a pupil or member of staff.",
        ),
        "Children and young people aged 0 to 25 who attend a Stockton-on-Tees school or setting, where the "
        "school has already used its own SEN support (the graduated approach) and wants specialist advice.",
        "Talk to your link educational psychologist at your planning meeting, or email the service for a "
        "consultation request form. The SENCO sends the completed form with parental consent through the "
        "secure education portal.",
        (
            "Signed consent from the parent or carer",
            "What you have already tried, for how long, and what changed (at least two assess-plan-do-review cycles)",
            "The child's views, and the parent's or carer's views",
            "Recent attainment and attendance information",
            "The question you want the psychologist to help answer",
        ),
        (("Duty Educational Psychologist", "educational-psychology@example.org", PHONE, OFFICE_HOURS),),
        cost="mixed",
        cost_details="Statutory advice is free; consultation time is bought through the service level agreement.",
        locations=("education-centre",),
    ),
    DemoService(
        "ehc-needs-assessment",
        "Requesting an education, health and care (EHC) needs assessment",
        "send-inclusion",
        "advice",
        ALL_PHASES,
        ("send",),
        "How a school or setting asks the council to assess whether a child needs an education, health and "
        "care plan, and the support the SEND team gives along the way.",
        (
            "The SEND team decides within 6 weeks whether to carry out an assessment, and completes the plan "
            "within 20 weeks.",
            "SEND officers advise SENCOs before a request, so requests have the evidence the panel needs and "
            "are not returned.",
        ),
        "Children and young people aged 0 to 25 who may need more help than the school or setting can give "
        "from its own resources.",
        "The SENCO completes the request for an EHC needs assessment and uploads it with the evidence to the "
        "council's secure SEND portal. Parents and young people over 16 can also ask for an assessment.",
        (
            "The child's SEN support plan and at least two cycles of review",
            "Advice from professionals already involved, such as speech and language therapy",
            "How the school has spent its own SEN support funding (the notional SEN budget)",
            "The parent's or carer's views and the child's views, in their own words",
        ),
        (("SEND Casework Officer (duty)", "send-casework@example.org", PHONE, OFFICE_HOURS),),
        response_time="We reply to SENCOs' questions within 3 working days.",
    ),
    DemoService(
        "send-information-advice-support",
        "SEND information, advice and support for families (SENDIASS)",
        "sendiass",
        "direct-support",
        ALL_PHASES,
        ("send", "families"),
        "Free, impartial and confidential help for parents, carers and young people to understand SEND law, "
        "take part in meetings and make decisions.",
        (
            "Advisers explain SEN support and EHC plans, help families prepare for meetings and reviews, and "
            "can come to meetings with them.",
            "Schools can share the service's leaflets and signpost families at any time.",
        ),
        "Parents and carers of children with SEND aged 0 to 25, and young people with SEND themselves.",
        "Families contact the service directly by email or phone. With the family's agreement, a school can "
        "email the service to ask an adviser to get in touch with them.",
        (
            "The family's agreement to be contacted",
            "What the family needs help with, for example a review meeting date",
            "The best way and time to contact the family",
        ),
        (("SENDIASS Adviser", "sendiass@example.org", PHONE, "Monday to Friday, 9am to 4.30pm"),),
        locations=("family-hub-north", "family-hub-south"),
    ),
    DemoService(
        "specialist-teaching-autism-outreach",
        "Specialist teaching and autism outreach",
        "send-inclusion",
        "advice",
        SCHOOL_PHASES,
        ("send",),
        "Specialist teachers who observe, assess and advise on cognition and learning, autism, and social "
        "communication, and coach staff to put the advice into practice.",
        (
            "Observation of a pupil in class, with a written report and a plan of strategies.",
            "Coaching for teaching assistants and teachers, and whole-school training on autism.",
            "Follow-up visits to review progress.",
        ),
        "Pupils at SEN support or with an EHC plan in mainstream primary and secondary schools.",
        "The SENCO completes the outreach request form and emails it to the team's secure mailbox.",
        (
            "Parental consent",
            "The pupil's SEN support plan and recent reviews",
            "Any diagnosis or assessment reports (a diagnosis is not needed for autism outreach)",
            "What you would like to change for the pupil",
        ),
        (("Specialist Teaching Team Leader", "specialist-teaching@example.org", PHONE, OFFICE_HOURS),),
        cost="traded",
        cost_details="Bought in blocks of half days through the service level agreement.",
    ),
    DemoService(
        "sensory-support",
        "Hearing and vision support",
        "sensory-support",
        "direct-support",
        ALL_PHASES,
        ("send",),
        "Teachers of the deaf and qualified teachers of children with vision impairment who teach, assess and "
        "advise on equipment, access and exams.",
        (
            "Home visits for babies and pre-school children, and teaching in school for older children.",
            "Advice on radio aids, large print, braille and access arrangements for exams.",
            "Training for staff and deaf awareness sessions for classes.",
        ),
        "Children and young people aged 0 to 25 with a diagnosed hearing loss or vision impairment.",
        "Audiology or eye clinics refer most children. A school or setting can refer with parental consent "
        "using the sensory support referral form.",
        (
            "Parental consent",
            "The latest audiology or ophthalmology report",
            "What the child finds hard in class",
        ),
        (("Head of Sensory Support", "sensory-support@example.org", PHONE, OFFICE_HOURS),),
    ),
    DemoService(
        "speech-language-communication",
        "Speech, language and communication support",
        "partner:therapy",
        "advice",
        ("early-years", "primary"),
        ("send",),
        "Speech and language therapists assess children, set targets and train staff to support talk in class, "
        "because strong communication underpins learning.",
        (
            "Drop-in advice sessions for settings and schools each half term.",
            "Assessment and therapy plans for children with speech, language and communication needs.",
            "Training for early years practitioners and teaching assistants on building vocabulary and oracy.",
        ),
        "Children aged 0 to 11 with speech, language or communication needs that have not improved with "
        "good support in the setting or school.",
        "Use the children's therapy request for assistance form. Email it to the partnership's secure "
        "mailbox, or book a drop-in first if you are not sure.",
        (
            "Parental consent",
            "Examples of the child's talk and understanding",
            "What support has been in place and for how long",
            "Any hearing test results",
        ),
        (("Children's Therapy Referrals Coordinator", "childrens-therapy@example.org", PHONE, OFFICE_HOURS),),
        locations=("family-hub-north", "family-hub-south"),
        alert="Waiting times for assessment are currently about 12 weeks. Drop-in advice is available sooner.",
    ),
    DemoService(
        "early-years-inclusion-portage",
        "Early years inclusion and Portage home visiting",
        "early-years-inclusion",
        "direct-support",
        ("early-years",),
        ("send", "families"),
        "Home visits for pre-school children with SEND and their families, and inclusion advice for nurseries "
        "and childminders, so children start school well.",
        (
            "Portage home visiting: regular play-based visits for young children with complex needs.",
            "Inclusion advisers help settings plan support and apply for inclusion funding.",
            "Help with the move to Reception, starting in the spring term.",
        ),
        "Children from birth to 5 with SEND, and the early years settings they attend.",
        "Settings refer with parental consent on the early years inclusion referral form. Health visitors "
        "and families can also refer.",
        (
            "Parental consent",
            "The child's progress check at age 2, if done",
            "What the setting has already put in place",
        ),
        (("Early Years Inclusion Lead", "early-years-inclusion@example.org", PHONE, OFFICE_HOURS),),
        locations=("family-hub-north", "family-hub-south"),
    ),
    DemoService(
        "virtual-school-personal-education-plans",
        "Virtual School: personal education plans and pupil premium plus",
        "virtual-school",
        "advice",
        ALL_PHASES,
        ("children-in-our-care",),
        "The Virtual School supports designated teachers to write strong personal education plans (PEPs) and "
        "to use pupil premium plus well for children in our care.",
        (
            "Attendance at PEP meetings, quality checking of every PEP and training for designated teachers.",
            "Pupil premium plus funding for targets in the PEP.",
            "Advice when a child in our care is at risk of exclusion.",
        ),
        "Children in the care of Stockton-on-Tees Borough Council, wherever they go to school, from early "
        "years to Year 13.",
        "The designated teacher contacts the child's Virtual School caseworker, or the duty mailbox if you do "
        "not know who that is.",
        (
            "The child's current personal education plan",
            "What you want to achieve and how you will measure it",
            "The views of the child and the carer",
        ),
        (("Virtual School Duty Caseworker", "virtual-school@example.org", PHONE, OFFICE_HOURS),),
        response_time="We reply within 2 working days.",
    ),
    DemoService(
        "virtual-school-previously-looked-after",
        "Advice for children previously in care",
        "virtual-school",
        "advice",
        ALL_PHASES,
        ("children-in-our-care", "families"),
        "Advice and training for schools, parents and carers of children who have left care through adoption, "
        "special guardianship or a child arrangements order.",
        (
            "Advice on meeting the needs of children who have experienced trauma and loss.",
            "Help with pupil premium plus, admissions and exclusions for previously looked-after children.",
        ),
        "Children previously in care who attend a Stockton-on-Tees school, and their parents and carers.",
        "Email the Virtual School. Parents and carers can contact the service directly.",
        (
            "The child's year group and school",
            "What the question is about, for example attendance or behaviour",
        ),
        (
            (
                "Virtual School Adviser (previously looked-after children)",
                "virtual-school@example.org",
                PHONE,
                OFFICE_HOURS,
            ),
        ),
    ),
    DemoService(
        "transitions-team",
        "Transitions Team: planning for life after 16",
        "transitions-team",
        "direct-support",
        ("secondary", "post-16"),
        ("children-in-our-care", "send", "careers"),
        "Person-centred transition planning for every young person aged 14 and over who is open to social "
        "care, so moves into adult life and adult services are planned early.",
        (
            "A transition worker plans with the young person, their family and school from age 14.",
            "Joint planning with adult social care and health before the young person turns 18.",
            "Links with the school's careers adviser and with post-16 providers.",
        ),
        "Young people aged 14 to 25 who are open to children's social care, including children in our care "
        "and young people with disabilities.",
        "Schools contact the young person's social worker, or email the Transitions Team duty mailbox if "
        "there is no allocated worker.",
        (
            "The young person's views about what matters to them",
            "Their current plan (EHC plan, PEP or child in need plan)",
            "Upcoming moves, such as leaving school or college",
        ),
        (("Transitions Team Duty Worker", "transitions@example.org", PHONE, OFFICE_HOURS),),
        last_reviewed=(2026, 11, 2),
    ),
    DemoService(
        "health-and-care-lead",
        "Health and care advice for schools",
        "health-care-lead",
        "advice",
        ALL_PHASES,
        ("send", "wellbeing"),
        "The Children and Young People Health and Care Lead helps schools get the right health input early, "
        "working across health, education and social care.",
        (
            "Advice when a pupil's health needs affect attendance or learning.",
            "Joining up school nursing, therapies and mental health services around a child.",
            "Help to write individual healthcare plans.",
        ),
        "Schools and settings supporting children with health needs, including medical conditions.",
        "Email the health and care mailbox with a short description of the need (no pupil names).",
        (
            "What the health need is and how it affects school",
            "Which health services are already involved",
            "What the school has tried",
        ),
        (
            (
                "Children and Young People Health and Care Lead",
                "cyp-health-care@example.org",
                "",
                OFFICE_HOURS,
            ),
        ),
        last_reviewed=(2026, 11, 2),
    ),
    DemoService(
        "early-help-family-support",
        "Early help for families",
        "early-help",
        "direct-support",
        ALL_PHASES,
        ("families", "attendance", "wellbeing"),
        "Family support workers help families early with routines, behaviour, school attendance, money "
        "worries and relationships, before problems grow.",
        (
            "An early help assessment with the family and a plan agreed with them.",
            "A lead professional to bring services together in a team around the family.",
            "Family hub activities, parenting groups and drop-ins.",
        ),
        "Families with children aged 0 to 19 (25 with SEND) who need more help than universal services give, "
        "and who agree to early help.",
        "Talk to the family first: early help needs their agreement. Then complete an early help assessment "
        "or request for support on the council's secure portal. For safeguarding concerns, call the "
        "children's hub instead.",
        (
            "The family's agreement",
            "What the family says they need help with",
            "Who else is working with the family",
            "What the school has already tried",
        ),
        (("Early Help Duty Officer", "early-help@example.org", PHONE, OFFICE_HOURS),),
        locations=("family-hub-north", "family-hub-south"),
    ),
    DemoService(
        "positive-parenting-courses",
        "Positive parenting courses",
        "early-help",
        "direct-support",
        ("early-years", "primary", "secondary"),
        ("families", "wellbeing"),
        "Free group courses for parents and carers on managing behaviour, staying calm and helping children "
        "manage their emotions.",
        (
            "Courses for parents of young children, of primary-age children, and of teenagers.",
            "Day and evening groups at the family hubs, and an online course.",
            "Schools can host a course for their own parents.",
        ),
        "Parents and carers living in Stockton-on-Tees.",
        "Parents book directly. Schools can refer a parent, with their agreement, by email.",
        ("The parent's agreement", "The age of the child", "Whether daytime or evening suits them"),
        (("Parenting Coordinator", "parenting@example.org", PHONE, OFFICE_HOURS),),
        locations=("family-hub-north", "family-hub-south", "online"),
    ),
    DemoService(
        "attendance-support",
        "Attendance support and the team around the school",
        "attendance-inclusion",
        "advice",
        SCHOOL_PHASES,
        ("attendance", "families"),
        "Termly targeting meetings with every school, advice on individual pupils and support to use the "
        "attendance self-evaluation toolkit.",
        (
            "A named attendance officer meets the school each term to look at data and agree actions.",
            "Help to identify the barriers behind a pupil's absence, including young carers and health needs.",
            "Support for attendance contracts and, as a last resort, legal action.",
        ),
        "All maintained schools and academies in Stockton-on-Tees.",
        "Raise pupils at your termly targeting meeting, or email the duty attendance officer between meetings.",
        (
            "Attendance data for the pupil for this year and last year",
            "What the school has done: letters, meetings, support plans",
            "What the family says is getting in the way",
        ),
        (("Duty Attendance Officer", "attendance@example.org", PHONE, OFFICE_HOURS),),
    ),
    DemoService(
        "children-missing-education",
        "Children missing education and elective home education",
        "attendance-inclusion",
        "advice",
        ("primary", "secondary"),
        ("attendance",),
        "What to do when a pupil leaves without a known destination, or parents say they will educate their "
        "child at home.",
        (
            "The team checks where children missing education are and helps them back into school.",
            "Advisers contact families who choose elective home education and offer information.",
        ),
        "Children of compulsory school age in Stockton-on-Tees.",
        "Schools must tell the team before removing a pupil from the roll. Use the secure notification form.",
        (
            "The date the pupil last attended",
            "Any known new address or school",
            "Any safeguarding concerns (also tell your designated safeguarding lead)",
        ),
        (("Children Missing Education Officer", "cme@example.org", PHONE, OFFICE_HOURS),),
        response_time="We reply on the same working day.",
    ),
    DemoService(
        "healthy-schools",
        "Healthy Schools and Healthy Settings programmes",
        "public-health-schools",
        "programme",
        ("early-years", "primary", "secondary"),
        ("wellbeing",),
        "A whole-school programme, with a quality award, for health and wellbeing: emotional health, healthy "
        "eating, physical activity and relationships education.",
        (
            "A self-review tool, an action plan and visits from the Healthy Schools Coordinator.",
            "Curriculum resources, including lessons for exam time and mental health awareness week.",
            "Network meetings for wellbeing leads each term.",
        ),
        "All schools and early years settings in Stockton-on-Tees.",
        "Email the Healthy Schools Coordinator to register. There is no referral for individual pupils.",
        ("The name of your wellbeing lead", "Which award level you are working towards"),
        (("Healthy Schools Coordinator", "healthy-schools@example.org", "", OFFICE_HOURS),),
        locations=("education-centre",),
    ),
    DemoService(
        "mental-health-support-team",
        "Mental health support team in schools",
        "partner:mhst",
        "direct-support",
        SCHOOL_PHASES,
        ("wellbeing",),
        "Education mental health practitioners give short, evidence-based help to pupils with mild to "
        "moderate anxiety or low mood, and help schools build a whole-school approach.",
        (
            "Six to eight sessions of guided self-help for a pupil, or for a parent of a younger child.",
            "Group work on managing worry and exam stress.",
            "Consultation for staff on pupils they are concerned about.",
        ),
        "Pupils in partner schools with mild to moderate anxiety or low mood. Pupils at risk of harm need "
        "the children's mental health service instead.",
        "The school's mental health lead discusses the pupil at the fortnightly consultation, then completes "
        "the team's referral form with the pupil's (or parent's) consent.",
        (
            "Consent from the pupil or parent",
            "What the difficulty is, how long it has lasted and how it affects school",
            "Any risk to the pupil and what the school has done about it",
        ),
        (("Mental Health Support Team Coordinator", "schools-mhst@example.org", PHONE, OFFICE_HOURS),),
        status="temporarily closed",
        alert="Not taking new partner schools until September 2027. Referrals from partner schools continue.",
    ),
    DemoService(
        "thrive-training",
        "Thrive Approach training",
        "education-improvement",
        "training",
        ("early-years", "primary", "secondary"),
        ("wellbeing", "children-in-our-care"),
        "Thrive practitioner training for staff, to support children's emotional development and resilience "
        "through relationships and play.",
        (
            "A licensed practitioner course over several days, with online assessment tools for the school.",
            "Termly network meetings for trained practitioners.",
            "All course dates for this year are confirmed.",
        ),
        "Staff in Stockton-on-Tees schools and settings: teachers, teaching assistants and pastoral staff.",
        "Book places through the council's CPD booking system. Places for schools with many children in our "
        "care are part-funded by the Virtual School.",
        (
            "The staff member's role",
            "Which cohort (dates) they will attend",
            "How the school will use the training",
        ),
        (("CPD Programme Administrator", "cpd@example.org", "", OFFICE_HOURS),),
        cost="traded",
        cost_details="A charge per place; part-funded places are available.",
        locations=("education-centre",),
    ),
    DemoService(
        "theraplay-training",
        "Theraplay-informed practice training",
        "education-improvement",
        "training",
        ("early-years", "primary"),
        ("wellbeing", "children-in-our-care"),
        "Training in Theraplay-informed practice, to build attachment and positive connections between adults "
        "and children.",
        (
            "A two-day foundation course and follow-up group supervision.",
            "Practical, playful activities to use in class and in small groups.",
        ),
        "Staff working with young children who find relationships hard, including children in our care.",
        "Book places through the council's CPD booking system.",
        ("The staff member's role", "Which course date they will attend"),
        (("CPD Programme Administrator", "cpd@example.org", "", OFFICE_HOURS),),
        cost="traded",
        cost_details="A charge per place.",
        locations=("education-centre",),
    ),
    DemoService(
        "trauma-informed-practice",
        "Trauma-informed practice training",
        "education-improvement",
        "training",
        ALL_PHASES,
        ("wellbeing", "children-in-our-care"),
        "Whole-staff training on understanding the impact of trauma and responding in ways that help children "
        "feel safe and ready to learn.",
        (
            "A twilight session for all staff, delivered in school.",
            "Follow-up training for senior leaders on reviewing behaviour policies.",
        ),
        "All schools and settings in Stockton-on-Tees.",
        "Email the CPD team to book a date for your school.",
        ("Your preferred dates", "How many staff will attend", "Whether you want the leadership follow-up"),
        (("CPD Programme Administrator", "cpd@example.org", "", OFFICE_HOURS),),
        locations=("online", "education-centre"),
    ),
    DemoService(
        "emotion-coaching",
        "Emotion Coaching training for staff and parents",
        "education-improvement",
        "training",
        ("early-years", "primary", "secondary"),
        ("wellbeing", "families"),
        "Emotion Coaching helps children understand and manage their emotions. Staff learn to use it day to "
        "day, and schools can run a session for parents.",
        (
            "A half-day course for staff with a follow-up session six weeks later.",
            "A parents' session that schools can host.",
        ),
        "Staff in Stockton-on-Tees schools and settings, and parents through their school.",
        "Book staff places through the CPD booking system. Email the CPD team to arrange a parents' session.",
        ("The staff member's role", "Which course date they will attend"),
        (("CPD Programme Administrator", "cpd@example.org", "", OFFICE_HOURS),),
        locations=("education-centre",),
    ),
    DemoService(
        "young-carers-support",
        "Young carers support",
        "partner:young-carers",
        "direct-support",
        ("primary", "secondary", "post-16"),
        ("families", "wellbeing"),
        "Support, breaks and clubs for children who look after someone at home, and training for school young "
        "carer leads.",
        (
            "A young carer's assessment and a support plan.",
            "Clubs and days out to meet other young carers.",
            "Help for schools to identify young carers, and a young carers in schools award.",
        ),
        "Children and young people aged 8 to 18 who help look after a family member with an illness, "
        "disability, mental health problem or addiction.",
        "With the young person's and family's agreement, complete the young carers referral form and email it.",
        (
            "The agreement of the young person and their family",
            "What caring the young person does",
            "How it affects school, for example attendance or homework",
        ),
        (("Young Carers Support Worker", "hello@young-carers.example.org", PHONE, OFFICE_HOURS),),
        locations=("family-hub-south",),
    ),
    DemoService(
        "careers-guidance",
        "Careers guidance for young people who need extra help",
        "careers-guidance",
        "direct-support",
        ("secondary", "post-16"),
        ("careers", "send", "children-in-our-care"),
        "Qualified careers advisers give personal guidance to young people at risk of not being in education, "
        "employment or training (NEET), and follow them up after they leave school.",
        (
            "Personal guidance meetings in school, and a further meeting before age 18.",
            "Extra support at results time and in the summer before college.",
            "Tracking of what every young person does after Year 11.",
        ),
        "Young people in Years 9 to 13 who are in our care, have an EHC plan, attend alternative provision or "
        "are at risk of becoming NEET.",
        "The careers leader sends the list of young people who need extra help each September, and can email "
        "the team at any time during the year.",
        (
            "Why the young person needs extra help",
            "Their plans and aspirations so far",
            "Who else is working with them",
        ),
        (("Senior Careers Adviser", "careers-guidance@example.org", PHONE, OFFICE_HOURS),),
        benchmarks=(8, 3),
        cost="mixed",
        cost_details="Free for young people in these groups; schools can buy extra guidance days.",
    ),
    DemoService(
        "careers-network",
        "Stockton Careers Network",
        "education-improvement",
        "programme",
        ("secondary", "post-16"),
        ("careers",),
        "A network of careers leaders from schools and colleges, sharing good practice, local labour market "
        "information and a single action plan for the borough.",
        (
            "Six network meetings a year, with a termly focus on a Gatsby Benchmark.",
            "A shared bank of resources on this portal.",
            "Planning for the borough's careers roadshow.",
        ),
        "Careers leaders and senior leaders in Stockton-on-Tees secondary schools, special schools, "
        "alternative provision and colleges.",
        "Email the Careers Network Coordinator to join the mailing list.",
        ("Your name and role", "Your school or college"),
        (("Careers Network Coordinator", "education-improvement@example.org", "", OFFICE_HOURS),),
        benchmarks=(1, 2),
    ),
    DemoService(
        "work-placements-council-teams",
        "Work placements with council teams",
        "employment-training-hub",
        "direct-support",
        ("secondary", "post-16"),
        ("careers",),
        "Council teams host work placements for students in key stages 4 and 5, with a project, a mentor and "
        "feedback, so schools can meet the work experience duty.",
        (
            "Placements in teams such as highways, libraries, planning and children's services.",
            "A project set by the team, a range of people to meet and written feedback.",
            "Search the work-placement directory on this portal to request places.",
        ),
        "Students in Years 10 to 13 at Stockton-on-Tees schools and colleges.",
        "Request places through the work-placement directory on this portal. Host teams reply to each request.",
        (
            "The dates you need and how many students",
            "Any support the students need, including reasonable adjustments",
            "The name of the school's placement coordinator",
        ),
        (("Careers and Skills Officer", "employment-hub@example.org", "", OFFICE_HOURS),),
        benchmarks=(6,),
    ),
    DemoService(
        "apprenticeship-events-for-parents",
        "Apprenticeship evenings for parents and carers",
        "employment-training-hub",
        "programme",
        ("secondary",),
        ("careers", "families"),
        "Evenings in schools where local employers, apprentices and training providers explain apprenticeships "
        "and vocational routes to parents and carers.",
        (
            "A talk on apprenticeships and T levels, with questions to a panel of apprentices.",
            "Stands from local employers and training providers.",
        ),
        "Secondary schools in Stockton-on-Tees, for parents and carers of pupils in Years 9 to 11.",
        "Email the Employment and Training Hub to book an evening for your school.",
        ("Your preferred dates", "How many families you expect"),
        (("Careers and Skills Officer", "employment-hub@example.org", "", OFFICE_HOURS),),
        benchmarks=(7, 2),
    ),
    DemoService(
        "schools-library-service",
        "Schools library service and reading for pleasure",
        "libraries-reading",
        "programme",
        ("early-years", "primary", "secondary"),
        ("families",),
        "Book loans, reading promotions and author visits for schools, and family reading sessions at the "
        "library, because reading for pleasure raises attainment.",
        (
            "Exchanges of book collections each term, chosen with your staff.",
            "Family reading sessions and adult reading help with a reading charity.",
            "Training for staff on running a reading-for-pleasure culture.",
        ),
        "Schools and early years settings in Stockton-on-Tees; families through their library.",
        "Email the Schools Library Service to subscribe or to book a visit.",
        ("Your school's name", "Which year groups you want books for"),
        (("Schools Library Service Manager", "schools-library@example.org", PHONE, OFFICE_HOURS),),
        cost="traded",
        cost_details="An annual subscription; family sessions at the library are free.",
        locations=("central-library",),
    ),
    DemoService(
        "safeguarding-in-education",
        "Safeguarding advice and training for schools",
        "safeguarding-education",
        "training",
        ALL_PHASES,
        (),
        "Advice for designated safeguarding leads and training for staff and governors, so every school "
        "responds well when a child may be at risk.",
        (
            "Designated safeguarding lead training and refreshers.",
            "Whole-staff training and governor training.",
            "An annual safeguarding audit for schools.",
        ),
        "Designated safeguarding leads, staff and governors in Stockton-on-Tees schools and settings.",
        "Email the team for advice or to book training. If a child is at risk of harm, call the children's "
        "hub straight away instead: do not use this mailbox.",
        ("Your role", "Whether you need advice or training"),
        (("Education Safeguarding Adviser", "safeguarding-education@example.org", PHONE, OFFICE_HOURS),),
        locations=("education-centre", "online"),
    ),
)


class DemoRoute(NamedTuple):
    kind: str
    title: str
    description: str
    entry_requirements: str = ""
    level: int | None = None


class DemoProvider(NamedTuple):
    slug: str
    title: str
    kind: str
    summary: str
    about: tuple[str, ...]
    location: str
    travel: str
    send_support: str
    email: str
    website: str
    routes: tuple[DemoRoute, ...]
    open_day_weeks: tuple[int, ...]  # weeks from now; each open day is on that week's Saturday
    open_day_details: str = "Parents and carers welcome. No need to book."


PROVIDERS: tuple[DemoProvider, ...] = (
    DemoProvider(
        "teesmouth-college",
        FE_COLLEGE,
        "college",
        "A big college by the river. You can do T levels, vocational courses, apprenticeships and foundation courses.",
        (
            f"{FE_COLLEGE} has over 200 courses. Most students are 16 to 18.",
            "You learn in workshops, labs and classrooms. Some courses have time in a workplace.",
        ),
        "teesmouth-college",
        "Buses stop outside the main gate. The college gives a free bus pass to students aged 16 to 18 "
        "who live more than 3 miles away. There is a bike shed.",
        "There is a learning support team. They can help in lessons, with exams and with making friends. "
        "Tell them about your needs when you apply. If you have an EHC plan (education, health and care "
        "plan), they will plan your support with you before you start.",
        "admissions@teesmouth-college.example.org",
        "https://teesmouth-college.example.org/",
        (
            DemoRoute(
                "t-levels",
                "T level in Digital Production, Design and Development",
                "Learn to plan and build software. You spend 45 days on placement with an employer.",
                "5 GCSEs at grade 4 or above, including English and maths.",
            ),
            DemoRoute(
                "t-levels",
                "T level in Health",
                "Learn how to care for patients. You do a placement in a hospital or care home.",
                "5 GCSEs at grade 4 or above, including English, maths and science.",
            ),
            DemoRoute(
                "vocational",
                "Engineering (level 3 diploma)",
                "Learn to design, make and fix machines in the college workshops.",
                "4 GCSEs at grade 4, including maths.",
            ),
            DemoRoute(
                "vocational",
                "Hair and beauty (level 2)",
                "Learn skills for a salon. You work on real clients in the college salon.",
                "GCSEs at grade 3 or above.",
            ),
            DemoRoute(
                "apprenticeship",
                "Electrical installation apprenticeship",
                "Work for an electrician and come to college one day a week.",
                "GCSE English and maths at grade 4.",
                level=3,
            ),
            DemoRoute(
                "apprenticeship",
                "Business administration apprenticeship",
                "Work in an office and learn at college.",
                "No set grades. You need an employer.",
                level=2,
            ),
            DemoRoute(
                "foundation",
                "Step Up foundation programme",
                "A one-year course to build your English, maths and confidence, and try different subjects.",
                "No grades needed.",
            ),
        ),
        (3, 11),
    ),
    DemoProvider(
        "riverside-sixth-form-college",
        SIXTH_FORM_COLLEGE,
        "sixth-form",
        "A sixth form college for 16 to 19 year olds. Most students study A levels.",
        (
            "You can choose from 30 A level subjects. Most students take 3.",
            "Many students go on to university or a degree apprenticeship.",
        ),
        "riverside-sixth-form",
        "It is a 10 minute walk from the bus station. There is a college bus from Billingham and Thornaby.",
        "The college has a SENCO (special educational needs coordinator) and a support team. They help with "
        "study skills, exams and wellbeing. There is a quiet study room.",
        "admissions@riverside-sixth-form.example.org",
        "https://riverside-sixth-form.example.org/",
        (
            DemoRoute(
                "a-levels",
                "A levels (30 subjects)",
                "Study 3 subjects in depth for two years, with exams at the end.",
                "5 GCSEs at grade 5 or above, with a 6 in the subjects you choose.",
            ),
            DemoRoute(
                "vocational",
                "Applied science (extended certificate)",
                "A vocational course you can take alongside two A levels.",
                "5 GCSEs at grade 4, including science.",
            ),
            DemoRoute(
                "t-levels",
                "T level in Education and Early Years",
                "Learn how to teach and care for young children, with a placement in a school or nursery.",
                "5 GCSEs at grade 4, including English and maths.",
            ),
        ),
        (2, 10),
    ),
    DemoProvider(
        "kingfisher-academy-sixth-form",
        "Kingfisher Academy Sixth Form",
        "sixth-form",
        "A school sixth form. Students from other schools can join too.",
        ("It is a small sixth form, so teachers know every student.",),
        "kingfisher-academy",
        "The school is on the number 7 bus route. Students can use the school's bike store.",
        "The school's SENCO will meet you and your family before you start to plan your support.",
        "sixthform@kingfisher-academy.example.org",
        "",
        (
            DemoRoute(
                "a-levels",
                "A levels (16 subjects)",
                "Choose 3 subjects. Classes are small.",
                "5 GCSEs at grade 5 or above.",
            ),
            DemoRoute(
                "vocational",
                "Business (BTEC National)",
                "Learn how businesses work through projects and visits.",
                "5 GCSEs at grade 4.",
            ),
        ),
        (4,),
    ),
    DemoProvider(
        "ropery-lane-training",
        "Ropery Lane Training",
        "training-provider",
        "A training provider. It helps young people find apprenticeships and runs short courses to get ready for work.",
        (
            "Ropery Lane Training works with over 100 local employers.",
            "Staff help you write a CV and find an apprenticeship.",
        ),
        "ropery-training",
        "It is near the town centre bus station. Help with bus fares is available for some students.",
        "Groups are small. Each student has a tutor who checks in every week.",
        "hello@ropery-lane.example.org",
        "https://ropery-lane.example.org/",
        (
            DemoRoute(
                "apprenticeship",
                "Warehouse and logistics apprenticeship",
                "Work in a warehouse and learn how goods are stored and moved.",
                "No set grades.",
                level=2,
            ),
            DemoRoute(
                "apprenticeship",
                "Customer service apprenticeship",
                "Work with customers in a shop, call centre or office.",
                "No set grades.",
                level=2,
            ),
            DemoRoute(
                "apprenticeship",
                "IT support apprenticeship",
                "Fix computers and help people with technology at work.",
                "GCSE maths at grade 4.",
                level=3,
            ),
            DemoRoute(
                "foundation",
                "Ready for Work programme",
                "Build skills for work, improve English and maths, and try work placements.",
                "No grades needed.",
            ),
        ),
        (1, 5),
        open_day_details="Drop in any time between the times shown. Bring a parent or carer if you like.",
    ),
    DemoProvider(
        "lowfield-process-engineering",
        "Lowfield Process Engineering",
        "employer",
        "A local engineering company that takes on apprentices every year, from level 3 up to degree level.",
        (
            "Apprentices work on real jobs at the plant with a mentor.",
            "Some apprentices go on to a degree apprenticeship and become engineers.",
        ),
        "lowfield-engineering",
        "There is free parking. A works bus runs from Stockton town centre at shift times.",
        "The company makes reasonable adjustments for apprentices with SEND. Talk to the apprenticeship "
        "coordinator about what you need.",
        "apprenticeships@lowfield.example.org",
        "https://lowfield.example.org/",
        (
            DemoRoute(
                "apprenticeship",
                "Engineering maintenance technician",
                "Keep machines running safely. Train at a college one day a week.",
                "5 GCSEs at grade 4, including English, maths and science.",
                level=3,
            ),
            DemoRoute(
                "apprenticeship",
                "Engineering design technician",
                "Draw and test designs using computers.",
                "A levels or a level 3 course in maths or engineering.",
                level=4,
            ),
            DemoRoute(
                "apprenticeship",
                "Chemical engineering degree apprenticeship",
                "Earn a degree while you work. The company pays for the degree.",
                "A levels including maths and chemistry.",
                level=6,
            ),
        ),
        (6,),
        open_day_details="Book a place by email. Wear flat shoes for the site tour.",
    ),
    DemoProvider(
        "council-apprenticeships",
        "Stockton-on-Tees Borough Council apprenticeships",
        "employer",
        "The council takes on apprentices in many teams, from parks and roads to social care and IT.",
        (
            "Apprentices are paid and get the same holidays as other staff.",
            "The council also runs work placements for school students.",
        ),
        "municipal-buildings",
        "The council offices are near the town centre buses. Some jobs are at other sites.",
        "The council makes changes to help disabled applicants at interview and at work. Tell the "
        "apprenticeship team what you need.",
        "apprenticeships@example.org",
        "",
        (
            DemoRoute(
                "apprenticeship",
                "Horticulture apprenticeship (parks)",
                "Look after the borough's parks and green spaces.",
                "No set grades.",
                level=2,
            ),
            DemoRoute(
                "apprenticeship",
                "Children, young people and families practitioner",
                "Work in a family hub supporting families.",
                "GCSE English and maths at grade 4.",
                level=4,
            ),
            DemoRoute(
                "apprenticeship",
                "Accountancy apprenticeship",
                "Work in the finance team and train to become an accountant.",
                "A levels or equivalent.",
                level=7,
            ),
        ),
        (8,),
    ),
    DemoProvider(
        "pathways-supported-internships",
        "Pathways Supported Internships",
        "training-provider",
        "A year of learning at work for young people aged 16 to 24 with an EHC plan, with a job coach.",
        (
            "Interns spend most of the week at a workplace, such as a hospital, hotel or the council.",
            "A job coach helps you learn the job. The aim is a paid job at the end.",
        ),
        "pathways-hub",
        "Travel training is included: staff help you learn to travel on your own.",
        "This programme is for young people with SEND. Every intern has a job coach and a learning plan. "
        "You need an EHC plan (education, health and care plan) to join.",
        "pathways@example.org",
        "",
        (
            DemoRoute(
                "supported-internship",
                "Supported internship",
                "Three work placements in a year, with English, maths and work skills lessons.",
                "An EHC plan. You must want to work.",
            ),
            DemoRoute(
                "foundation",
                "Pre-internship skills course",
                "A short course to get ready for a supported internship.",
                "An EHC plan.",
            ),
        ),
        (2, 9),
        open_day_details="Come with a parent, carer or teacher. Tell us about any support you need on the day.",
    ),
)


def guide(*blocks: tuple[str, str]) -> list[dict[str, str]]:
    """StreamField data from ("heading" | "paragraph", text) pairs."""
    return [{"type": kind, "value": text if kind == "heading" else f"<p>{text}</p>"} for kind, text in blocks]


H, P = "heading", "paragraph"

GUIDES: tuple[tuple[str, str, str, list[dict[str, str]]], ...] = (
    (
        "options-at-16",
        "What are the options at 16?",
        "At 16 you keep learning until you are 18. You can choose how. Here are your choices.",
        guide(
            (
                P,
                "In England you must stay in learning until you are 18. This does not mean you must stay at school.",
            ),
            (
                P,
                "You have three main choices. You can study full time. You can do an apprenticeship. Or you can work and train part time.",
            ),
            (H, "Study full time"),
            (P, "You can study at a sixth form or a college."),
            (
                P,
                "A levels are courses in 3 subjects. You learn in a classroom. They take two years. Many people take A levels before university.",
            ),
            (
                P,
                "T levels are courses about one type of job. They take two years. You spend 45 days on a work placement.",
            ),
            (
                P,
                "Vocational courses teach you the skills for a type of work, like engineering or hair and beauty. BTEC is one kind of vocational course.",
            ),
            (H, "Do an apprenticeship"),
            (
                P,
                "An apprenticeship is a real job with training. You get paid. You learn at work and at college.",
            ),
            (H, "If you need more help"),
            (
                P,
                "A foundation course is a first step. It helps you build skills and confidence before your next course.",
            ),
            (
                P,
                "A supported internship is for young people with an EHC plan. EHC means education, health and care. You learn at a real workplace with a job coach.",
            ),
            (H, "Who can help you choose"),
            (
                P,
                "Talk to the careers adviser at your school. Go to open days. Ask lots of questions. It is fine to change your mind.",
            ),
        ),
    ),
    (
        "what-is-an-apprenticeship",
        "What is an apprenticeship?",
        "An apprenticeship is a job with training. You earn money while you learn.",
        guide(
            (
                P,
                "An apprentice works for an employer. An employer is a company or organisation that gives people jobs.",
            ),
            (
                P,
                "Most of the time you are at work. You learn by doing the job. About one day a week you learn at a college or training centre.",
            ),
            (H, "Do apprentices get paid?"),
            (P, "Yes. Apprentices get a wage. You also get holidays. You do not pay for your training."),
            (H, "How long does it take?"),
            (P, "Most apprenticeships take between one and four years."),
            (H, "Apprenticeship levels"),
            (P, "Apprenticeships have levels. A higher number means a harder level."),
            (
                P,
                "Level 2 is like GCSEs (the exams at the end of Year 11). Level 3 is like A levels. Levels 4 and 5 are like the first years of university. Levels 6 and 7 are degree apprenticeships. You get a degree without paying fees.",
            ),
            (H, "How do I find one?"),
            (
                P,
                "Look at the places on this website. Ask your careers adviser. Employers often advertise in the spring. Apply early.",
            ),
        ),
    ),
    (
        "t-levels-explained",
        "T levels explained",
        "T levels are two-year courses about one kind of job. One T level is worth the same as 3 A levels.",
        guide(
            (
                P,
                "The T stands for technical. A technical course teaches you the skills and knowledge for a kind of job.",
            ),
            (H, "What do you do on a T level?"),
            (P, "You spend most of your time at college. You learn in classrooms and workshops."),
            (
                P,
                "You also do a work placement. It lasts at least 45 days. You work with a real employer and learn what the job is like.",
            ),
            (H, "What can you study?"),
            (
                P,
                "There are T levels in many areas. Some examples are digital, health, engineering, building and childcare.",
            ),
            (H, "What can you do after a T level?"),
            (
                P,
                "You can get a job. You can do an apprenticeship. You can go to university. T levels give you UCAS points. UCAS is the service you use to apply to university.",
            ),
            (H, "Who are T levels for?"),
            (
                P,
                "T levels suit you if you know what kind of work you like. Most colleges ask for GCSEs (the exams at the end of Year 11) at grade 4 in English and maths. Some ask for more.",
            ),
        ),
    ),
)
