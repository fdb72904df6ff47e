// Every Dutch text the client shows, with the same keys as en.js (a test checks they match).
// Plain, friendly 'je'-Dutch, as an association writes to its members. The one-to-ones are "ont-moetingen".

export const nl = {
  appName: "NetwerkLive",

  // Language switch and accessibility
  languageSwitch: "Taal",
  languageNames: { nl: "Nederlands", en: "English" },
  connectionWords: { connecting: "verbinden", live: "live", reconnecting: "opnieuw verbinden", offline: "offline" },
  chatLog: "Chatberichten",
  breakoutChatLog: "Berichten in je ont-moeting",
  attendeeListLabel: "Mensen in de ruimte",
  reportFileName: "verslag",
  groupCount: { one: (n) => `${n} groep`, other: (n) => `${n} groepen` },
  coffeeWaitingCount: { one: (n) => `${n} wacht`, other: (n) => `${n} wachten` },

  // Connection states: the short word is shown in the status pill;
  // the label explains it in a sentence when something is not right.
  stateLabels: {
    connecting: "Verbinden…",
    live: "Je bent verbonden.",
    reconnecting: "Verbinding verbroken. We proberen opnieuw te verbinden…",
    offline: "Je bent offline.",
  },
  reconnectNow: "Opnieuw proberen",

  // Landing page
  createTitle: "Start een online netwerkevenement",
  createIntro: "Geef je evenement een naam. Je krijgt twee links: één voor jou als host en één om met je gasten te delen.",
  eventTitleLabel: "Naam van het evenement",
  eventTitlePlaceholder: "bijv. Bedrijvenkring live",
  livestreamLabel: "Link naar de livestream (optioneel)",
  livestreamPlaceholder: "https://www.youtube.com/embed/…",
  meetingTemplateLabel: "Videobellink voor de ont-moetingen (optioneel)",
  meetingTemplatePlaceholder: "https://meet.jit.si/mijn-evenement-{room}",
  meetingTemplateHint: "{room} wordt voor elke ont-moeting vervangen door een eigen naam.",
  hostNameLabel: "Je naam als host (optioneel)",
  hostNamePlaceholder: "Host",
  createButton: "Evenement aanmaken",
  creating: "Bezig met aanmaken…",
  createdTitle: "Je evenement staat klaar",
  hostLinkLabel: "Jouw hostlink (houd deze voor jezelf: hiermee leid je het evenement)",
  joinLinkLabel: "Link voor je gasten",
  copy: "Kopiëren",
  copied: "Gekopieerd",
  copyFailed: "Selecteer de link en kopieer hem",
  openHostConsole: "Open de hostconsole",

  // Join page
  joinTitle: "Doe mee met het evenement",
  joinIntro: "Vertel de anderen wie je bent. Je contactgegevens blijven privé: we delen ze alleen met iemand die jou ook weer wil spreken.",
  displayNameLabel: "Je naam",
  companyLabel: "Bedrijf (optioneel)",
  interestsLabel: "Interesses (optioneel, gescheiden door komma's)",
  interestsPlaceholder: "bijv. verkoop, duurzaamheid, werving",
  contactLabel: "Contact (optioneel, privé)",
  contactPlaceholder: "e-mailadres, telefoonnummer of profiellink (https://…)",
  joinButton: "Meedoen",
  joining: "Bezig met aanmelden…",
  eventNotFound: "Dit evenement bestaat niet. Controleer de link die je hebt gekregen.",
  rejoinNeeded: "Meld je opnieuw aan.",

  // Room
  announcementLabel: "Mededeling",
  close: "Sluiten",
  watchStream: "Bekijk de livestream",
  noStream: "Dit evenement heeft geen livestream.",
  chatTitle: "Chat",
  chatPlaceholder: "Schrijf een bericht…",
  send: "Versturen",
  newMessages: "Nieuwe berichten ↓",
  attendeesTitle: "Wie is er",
  you: "(jij)",
  hostBadge: "Host",
  openForNetworking: "Open voor netwerken",
  availableToggle: "Open voor netwerken",

  // Breakouts ("ont-moetingen")
  roundRunning: "Er loopt een ronde ont-moetingen.",
  breakoutTitle: "Jouw ont-moeting",
  coffeeTitle: "Koffiegesprek",
  timeLeft: "Nog",
  openMeeting: "Open het videogesprek",
  breakoutChatPlaceholder: "Bericht aan je ont-moeting…",
  proposeExtension: "Vijf minuten langer?",
  extensionAsked: "Meer tijd gevraagd",
  leaveBreakout: "Ont-moeting verlaten",
  followUp: "Laten we nog eens koffie drinken",
  followUpAsked: "Gevraagd: je hoort het als het wederzijds is",
  blockAttendee: "Koppel me niet meer aan deze persoon",
  oneMinuteLeft: "Nog één minuut.",
  extendedUntil: (time) => `Meer tijd: tot ${time}.`,
  extensionProposedBy: (name) => `${name} wil graag vijf minuten langer. Klik op "Vijf minuten langer?" om in te stemmen.`,
  extensionProposedBySelf: "Je hebt om vijf minuten extra gevraagd. De anderen moeten nog instemmen.",
  partnerLeft: (name) => `${name} heeft de ont-moeting verlaten.`,
  // Het gesprek in de ont-moeting (call-view.js)
  callLabel: "Videogesprek met je ont-moeting",
  callYou: "Jij",
  callConnecting: "Verbinden…",
  callReconnecting: "Verbinding onderbroken, we verbinden opnieuw…",
  callFailed: "Het gesprek kon niet verbinden. De chat werkt nog wel.",
  fromHost: "Van de host",
  someone: "Iemand",
  metTitle: "Mensen die je hebt ontmoet",
  contactsTitle: "Nog eens koffie drinken: het is wederzijds",
  noContact: "(geen contact opgegeven)",
  coffeeQueue: "Zoek een koffiepartner voor me",
  leaveCoffeeQueue: "Stop met wachten",
  coffeeWaiting: (waiting) => `Wachten op een koffiepartner… (${waiting})`, // waiting: coffeeWaitingCount

  // Host console
  hostTitle: "Hostconsole",
  hostLinkNeeded: "Open deze pagina met je hostlink (de link die je kreeg toen je het evenement aanmaakte).",
  roundTitle: "Ronde ont-moetingen",
  roundDuration: "Duur (seconden)",
  groupSize: "Groepsgrootte",
  startRound: "Ronde starten",
  endRound: "Ronde beëindigen",
  extendRound: "Verlengen met (seconden)",
  extend: "Verlengen",
  noRound: "Er loopt geen ronde.",
  roundInfo: (id, time, groups) => `Ronde ${id} loopt tot ${time} (${groups}).`, // groups: groupCount
  messagesTitle: "Berichten",
  announcePlaceholder: "Mededeling voor iedereen",
  announce: "Mededelen",
  broadcastPlaceholder: "Bericht aan iedereen in een ont-moeting",
  broadcast: "Naar de ont-moetingen sturen",
  countersTitle: "Op dit moment",
  present: "Aanwezig",
  available: "Beschikbaar",
  inBreakouts: "In ont-moetingen",
  deleteMessage: "Verwijderen",
  removeAttendee: "Verwijderen",
  reportTitle: "Netwerkverslag",
  hostLinkTitle: "Hostlink",
  rotateHostLink: "Hostlink vervangen",
  rotateHostLinkHint: "Is je hostlink in verkeerde handen gekomen? Maak een nieuwe. De oude link werkt dan meteen niet meer.",
  newHostLink: "Je nieuwe hostlink (houd hem privé):",
  refresh: "Vernieuwen",
  downloadCsv: "CSV downloaden",
  reportFigures: {
    rounds: "Rondes",
    coffeeChats: "Koffiegesprekken",
    peopleMet: "Mensen die iemand hebben ontmoet",
    distinctPairs: "Verschillende duo's",
    newMeetings: "Nieuwe ontmoetingen",
    newCrossCompanyMeetings: "Nieuwe ontmoetingen tussen bedrijven",
    mutualFollowUps: "Wederzijdse vervolgafspraken",
  },

  // Errors
  somethingWrong: "Er ging iets mis. Probeer het opnieuw.",
  notLive: "Je bent nu niet verbonden. Je bericht is niet verstuurd.",

  // Breakout moment and identity
  contactHint: "Bijvoorbeeld ann@voorbeeld.nl, 06-12345678, +31 6 12345678 of https://www.linkedin.com/in/…",
  continueTitle: "Welkom terug",
  continueIntro: "Je deed in deze browser al eerder mee aan dit evenement.",
  continueAs: (name) => `Verder als ${name}`,
  notYou: "Ben jij dit niet? Meld je aan als iemand anders",
  removedPage: "De host heeft je uit dit evenement verwijderd, dus je kunt er niet meer aan meedoen. Denk je dat dit een vergissing is? Neem dan contact op met de organisatie.",
  soundToggle: "Geluid bij het begin van een ont-moeting",
  waitingAlone: "Iedereen in deze ronde is al met iemand in gesprek, dus er is nu niemand vrij voor je. Je wordt gekoppeld zodra er iemand vrijkomt of binnenkomt. Intussen kun je een koffiepartner zoeken.",
  waitingAnnouncement: "De ronde is begonnen. Er is nog niemand vrij voor een ont-moeting: je wordt gekoppeld zodra er iemand is.",
  breakoutStartedWith: (names, coffee) => `${coffee ? "Je koffiegesprek" : "Je ont-moeting"} begint: je spreekt ${list(names)}.`,
  oneMinuteLeftWith: (names) => `Nog één minuut met ${list(names)}.`,
  roundEndedTalkAgain: (names) => `De ronde is afgelopen. Wil je ${list(names)} nog eens spreken? Klik hieronder op "Laten we nog eens koffie drinken".`,
  partnerConnectionLost: (name) => `De verbinding van ${name} is weggevallen. We wachten tot ${name} terug is…`,
  partnerConnectionBack: (name) => `${name} is er weer.`,
  connectionLostWaiting: "Verbinding weg, even wachten…",
  announcementFromHost: (text) => `Mededeling van de host: ${text}`,
  followUpMatched: "Wederzijds",
};

export default nl;

/** Names as a list the reader writes ("Ann, Bram en Chris"). */
function list(names) {
  return new Intl.ListFormat("nl", { type: "conjunction" }).format(names);
}
