import type { Messages } from './vi';

/** English: the second language. Must have exactly the keys of `vi` (checked by the type). */
export const en: Messages = {
  app: {
    name: 'Digital Literacy for All',
    tagline: 'Hải Phòng Digital Learning',
    fullName: 'Digital Literacy for All — Hải Phòng Digital Learning',
    owner: 'Hải Phòng Education and Training sector',
    pageTitle: '{{page}} · Digital Literacy for All',
  },
  skipLink: 'Skip to main content',
  nav: {
    label: 'Main navigation',
    home: 'Home',
    status: 'System status',
  },
  language: {
    label: 'Choose language',
    vi: 'Tiếng Việt',
    en: 'English',
  },
  home: {
    title: 'Home',
    heading: 'Digital skills for everyone',
    lead:
      'The online learning platform of the “Bình dân học vụ số” (digital literacy for all) movement of the Hải Phòng education sector: short, easy lessons on a phone or a computer, mapped to the digital competency framework for learners (Circular 02/2025/TT-BGDĐT).',
    notice: 'The platform is being built. Sign-in and courses are coming soon.',
    audienceHeading: 'Who is it for?',
    audiences: {
      students: {
        title: 'Pupils and students',
        text: 'Lessons that fit your grade, including staying safe online.',
      },
      parents: {
        title: 'Parents',
        text: 'Short courses on VNeID, online public services, digital payments and avoiding scams.',
      },
      teachers: {
        title: 'Teachers and staff',
        text: 'Learn digital skills at your own pace, assign work to a class and follow each pupil’s progress.',
      },
      managers: {
        title: 'Managers',
        text: 'Follow the results of your institution, commune or ward and report against the plan’s targets.',
      },
    },
    statusLink: 'See the system status',
  },
  status: {
    title: 'System status',
    heading: 'System status',
    intro: 'This page checks whether the server and the platform’s services are ready.',
    checking: 'Checking…',
    ready: 'The system is ready.',
    notReady: 'The system is not ready: some services have a problem.',
    shuttingDown: 'The system is stopping for a restart or maintenance.',
    unreachable: 'Cannot reach the server. Please check your network connection and try again.',
    unexpected: 'The server gave an unexpected answer. Please try again later.',
    responseCode: 'Response code: {{code}}.',
    componentsHeading: 'Each service',
    componentUp: 'working normally',
    componentDown: 'has a problem',
    componentOther: 'status “{{status}}”',
    checkedAt: 'Checked at {{time}}.',
    retry: 'Check again',
    components: {
      accepting: 'Accepting new requests',
      database: 'Database',
      storage: 'File storage',
      jobs: 'Job queue',
      queue: 'Job queue',
      redis: 'Redis server',
      memory: 'Memory',
      disk: 'Disk',
    },
  },
  notFound: {
    title: 'Page not found',
    heading: 'Page not found',
    text: 'The address you opened does not exist. The link may be mistyped, or the page may have moved.',
    home: 'Go to the home page',
  },
  footer: {
    about: 'The digital learning platform of the “Bình dân học vụ số” movement of the Hải Phòng education and training sector.',
    framework: 'Learning content is mapped to the digital competency framework for learners of Circular 02/2025/TT-BGDĐT.',
  },
};
