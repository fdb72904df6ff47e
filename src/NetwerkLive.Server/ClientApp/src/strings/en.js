// Every English text the client shows. nl.js holds the same keys in Dutch; a test checks they match.
// Plain words: many people read these in their second language.

export const en = {
  appName: "NetwerkLive",

  // Language switch and accessibility
  languageSwitch: "Language",
  languageNames: { nl: "Nederlands", en: "English" },
  connectionWords: { connecting: "connecting", live: "live", reconnecting: "reconnecting", offline: "offline" },
  chatLog: "Chat messages",
  breakoutChatLog: "Messages in your breakout",
  attendeeListLabel: "People in the room",
  reportFileName: "report",
  groupCount: { one: (n) => `${n} group`, other: (n) => `${n} groups` },
  coffeeWaitingCount: { one: (n) => `${n} waiting`, other: (n) => `${n} waiting` },

  // Connection states: the short word is shown in the status pill (and is what tests read);
  // the label explains it in a sentence when something is not right.
  stateLabels: {
    connecting: "Connecting…",
    live: "You are connected.",
    reconnecting: "Connection lost. Trying to reconnect…",
    offline: "You are offline.",
  },
  reconnectNow: "Try again",

  // Landing page
  createTitle: "Start an online networking event",
  createIntro: "Give your event a name. You get two links: one for you as host and one to share with your guests.",
  eventTitleLabel: "Name of the event",
  eventTitlePlaceholder: "e.g. Bedrijvenkring live",
  livestreamLabel: "Livestream link (optional)",
  livestreamPlaceholder: "https://www.youtube.com/embed/…",
  meetingTemplateLabel: "Video call link for breakouts (optional)",
  meetingTemplatePlaceholder: "https://meet.jit.si/my-event-{room}",
  meetingTemplateHint: "{room} is replaced by a name of its own for every breakout.",
  hostNameLabel: "Your name as host (optional)",
  hostNamePlaceholder: "Host",
  createButton: "Create event",
  creating: "Creating…",
  createdTitle: "Your event is ready",
  hostLinkLabel: "Your host link (keep it to yourself: it lets you run the event)",
  joinLinkLabel: "Link for your guests",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "Select the link and copy it",
  openHostConsole: "Open the host console",

  // Join page
  joinTitle: "Join the event",
  joinIntro: "Tell the others who you are. Your contact stays private: it is only shared with someone who also wants to meet you again.",
  displayNameLabel: "Your name",
  companyLabel: "Company (optional)",
  interestsLabel: "Interests (optional, separated by commas)",
  interestsPlaceholder: "e.g. sales, sustainability, hiring",
  contactLabel: "Contact (optional, private)",
  contactPlaceholder: "e-mail address, phone number or profile link (https://…)",
  joinButton: "Join",
  joining: "Joining…",
  eventNotFound: "This event does not exist. Check the link you were given.",
  rejoinNeeded: "Please join again.",

  // Room
  announcementLabel: "Announcement",
  close: "Close",
  watchStream: "Watch the livestream",
  noStream: "There is no livestream for this event.",
  chatTitle: "Chat",
  chatPlaceholder: "Write a message…",
  send: "Send",
  newMessages: "New messages ↓",
  attendeesTitle: "Who is here",
  you: "(you)",
  hostBadge: "Host",
  openForNetworking: "Open for networking",
  availableToggle: "Open for networking",

  // Breakouts
  roundRunning: "A networking round is running.",
  breakoutTitle: "Your breakout",
  coffeeTitle: "Coffee chat",
  timeLeft: "Time left",
  openMeeting: "Open the video call",
  breakoutChatPlaceholder: "Message your breakout…",
  proposeExtension: "Five more minutes?",
  extensionAsked: "Asked for more time",
  leaveBreakout: "Leave breakout",
  followUp: "Let's have coffee again",
  followUpAsked: "Asked: you'll hear if it's mutual",
  blockAttendee: "Don't pair me with this person again",
  oneMinuteLeft: "One more minute.",
  extendedUntil: (time) => `More time: until ${time}.`,
  extensionProposedBy: (name) => `${name} would like five more minutes. Click "Five more minutes?" to agree.`,
  extensionProposedBySelf: "You asked for five more minutes. The others need to agree.",
  partnerLeft: (name) => `${name} left the breakout.`,
  // The call in the breakout (call-view.js)
  callLabel: "Video call with your breakout",
  callYou: "You",
  callConnecting: "Connecting…",
  callReconnecting: "Connection interrupted, reconnecting…",
  callFailed: "The call could not connect. The chat still works.",
  fromHost: "From the host",
  someone: "Someone",
  metTitle: "People you met",
  contactsTitle: "Let's have coffee again: it's mutual",
  noContact: "(no contact given)",
  coffeeQueue: "Find me a coffee partner",
  leaveCoffeeQueue: "Stop waiting",
  coffeeWaiting: (waiting) => `Waiting for a coffee partner… (${waiting})`, // waiting: coffeeWaitingCount

  // Host console
  hostTitle: "Host console",
  hostLinkNeeded: "Open this page with your host link (the one you got when you created the event).",
  roundTitle: "Networking round",
  roundDuration: "Duration (seconds)",
  groupSize: "Group size",
  startRound: "Start round",
  endRound: "End round",
  extendRound: "Extend by (seconds)",
  extend: "Extend",
  noRound: "No round running.",
  roundInfo: (id, time, groups) => `Round ${id} runs until ${time} (${groups}).`, // groups: groupCount
  messagesTitle: "Messages",
  announcePlaceholder: "Announcement for everyone",
  announce: "Announce",
  broadcastPlaceholder: "Message to everyone in a breakout",
  broadcast: "Send to breakouts",
  countersTitle: "Right now",
  present: "Present",
  available: "Available",
  inBreakouts: "In breakouts",
  deleteMessage: "Delete",
  removeAttendee: "Remove",
  reportTitle: "Networking report",
  hostLinkTitle: "Host link",
  rotateHostLink: "Replace host link",
  rotateHostLinkHint: "If your host link got into the wrong hands: make a new one. The old link stops working at once.",
  newHostLink: "Your new host link (keep it private):",
  refresh: "Refresh",
  downloadCsv: "Download CSV",
  reportFigures: {
    rounds: "Rounds",
    coffeeChats: "Coffee chats",
    peopleMet: "People who met someone",
    distinctPairs: "Different pairs",
    newMeetings: "New meetings",
    newCrossCompanyMeetings: "New meetings across companies",
    mutualFollowUps: "Mutual follow-ups",
  },

  // Errors
  somethingWrong: "Something went wrong. Please try again.",
  notLive: "You are not connected right now. Your message was not sent.",

  // Breakout moment and identity
  contactHint: "For example ann@example.org, 06-12345678, +44 20 7946 0958 or https://www.linkedin.com/in/…",
  continueTitle: "Welcome back",
  continueIntro: "You joined this event in this browser before.",
  continueAs: (name) => `Continue as ${name}`,
  notYou: "Not you? Join as someone else",
  removedPage: "The host removed you from this event, so you can no longer take part in it. If you think this is a mistake, contact the organiser.",
  soundToggle: "Play a sound when a breakout starts",
  waitingAlone: "Everyone else in this round is already talking to someone, so nobody is free for you right now. You are paired as soon as someone comes free or joins. Meanwhile you can look for a coffee partner.",
  waitingAnnouncement: "The round has started. Nobody is free to meet you yet: you are paired as soon as someone is.",
  breakoutStartedWith: (names, coffee) => `${coffee ? "Your coffee chat" : "Your breakout"} has started: you are meeting ${list(names)}.`,
  oneMinuteLeftWith: (names) => `One more minute with ${list(names)}.`,
  roundEndedTalkAgain: (names) => `The round has ended. Would you like to talk again with ${list(names)}? Click "Let's have coffee again" below.`,
  partnerConnectionLost: (name) => `${name}'s connection was lost. Waiting for them to come back…`,
  partnerConnectionBack: (name) => `${name} is back.`,
  connectionLostWaiting: "Connection lost, waiting for them…",
  announcementFromHost: (text) => `Announcement from the host: ${text}`,
  followUpMatched: "Matched",
};

export default en;

/** Names as a list the reader writes ("Ann, Bram and Chris"). */
function list(names) {
  return new Intl.ListFormat("en", { type: "conjunction" }).format(names);
}
