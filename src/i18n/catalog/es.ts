import type { Catalog } from './types.ts';

export const es: Catalog = {
  languageName: 'Español',
  errors: {
    generic:
      'Lo siento, se ha producido un error por mi parte y su solicitud no se ha completado. Vuelva a intentarlo dentro de un momento.',
  },
  access: {
    refused:
      'Este foro está abierto a las delegaciones de los Estados miembros y a las personas invitadas por el moderador. Su espacio de trabajo no figura en la lista: si considera que debería tener acceso, póngase en contacto con el moderador del foro.',
    channelNotAllowed:
      'El foro no está activo en este canal. Escríbame en uno de los canales del foro o por mensaje directo.',
    guestExpired: ({ date }) =>
      `Su acceso como invitado al foro finalizó el ${date}. Si vuelve a necesitarlo, solicítelo al moderador.`,
    moderatorOnly: ({ command }) => `Solo los moderadores del foro pueden utilizar «${command}».`,
  },
  usage: {
    title: 'El comando no es del todo correcto.',
    reasons: {
      missing_argument: () => 'Falta un elemento.',
      unexpected_argument: ({ detail }) => `No esperaba «${detail}» en este lugar.`,
      unknown_subcommand: ({ detail }) => `«${detail}» no es una de las opciones posibles.`,
      unknown_option: ({ detail }) => `«${detail}» no es una opción de este comando.`,
      unterminated_quote: () => 'Hay unas comillas que se abren pero no se cierran.',
      bad_lang: ({ detail }) => `«${detail}» no es un idioma que yo hable. Elija ar, en, es, fr, ru o zh.`,
      bad_weekday: ({ detail }) => `«${detail}» no es un día de la semana.`,
      bad_time: ({ detail }) => `«${detail}» no es una hora con el formato HH:MM (reloj de 24 horas).`,
      bad_time_zone: ({ detail }) => `«${detail}» no es un nombre de zona horaria como Europe/Zurich.`,
      bad_date: ({ detail }) => `«${detail}» no es una fecha y hora como 2026-12-01T17:00+01:00.`,
      bad_id: ({ detail }) => `«${detail}» no es un número válido.`,
      bad_days: ({ detail }) => `«${detail}» no es un número de días entre 1 y 365.`,
      too_few_options: () => 'Una encuesta necesita al menos 2 opciones.',
      too_many_options: () => 'Una encuesta puede tener como máximo 10 opciones.',
      options_with_rating: () =>
        'Una encuesta de valoración pide una puntuación del 1 al 5, por lo que no admite opciones.',
      empty_option: () => 'Una de las opciones está vacía.',
    },
    syntax: 'Utilícelo de la siguiente manera:',
    seeHelp: 'Escriba «help» para ver todos los comandos.',
  },
  notYet: ({ command }) =>
    `«${command}» aún no está disponible. Se incorporará en una versión posterior del bot del foro.`,
  lang: {
    set: 'A partir de ahora le escribiré en español.',
    choose: 'Elija su idioma:',
  },
  help: {
    title: 'Foro de asistencia técnica — ayuda',
    intro:
      'Respondo a preguntas sobre asistencia técnica a partir de la base de conocimientos del foro, gestiono el tema de debate semanal y recojo opiniones mediante breves encuestas.',
    commands: {
      ask: 'Formular una pregunta sobre asistencia técnica.',
      help: 'Mostrar esta ayuda.',
      lang: 'Elegir el idioma en el que me dirijo a usted.',
      experts: 'Encontrar expertos en una materia.',
      'topic propose': 'Proponer un tema para un debate semanal.',
      'topic queue': 'Ver los temas pendientes de publicación.',
      'topic approve': 'Aprobar un tema propuesto.',
      'topic reject': 'Rechazar un tema propuesto, indicando el motivo.',
      'topic schedule': 'Establecer cuándo se publica el tema semanal. Con --starters, el bot toma un tema de su biblioteca de debates cuando la cola está vacía.',
      'topic post-now': 'Publicar ahora el siguiente tema.',
      'topic close': 'Cerrar el tema de esta semana y publicar su resumen.',
      poll: 'Crear una encuesta en este canal.',
      'poll results': 'Ver los resultados de una encuesta y su tasa de respuesta.',
      'poll close': 'Cerrar una encuesta.',
      'poll export': 'Descargar las respuestas de una encuesta en formato CSV.',
      stats: 'Consultar las estadísticas de uso del foro.',
      unanswered: "Ver las preguntas que la base de conocimientos no pudo responder.",
      'my-data': 'Recibir una copia de todos los datos almacenados sobre usted.',
      'forget-me': 'Eliminar todos los datos almacenados sobre usted.',
      invite: 'Invitar a una persona durante un número determinado de días.',
    },
    moderatorSection: 'Para moderadores',
    askHint: 'También puede escribirme directamente su pregunta, sin ningún comando.',
    footer: 'Sus mensajes al bot se conservan hasta que solicite su eliminación con «forget-me».',
  },
  ask: {
    thinking: "Estoy buscando en la base de conocimientos…",
    sources: "Fuentes",
    quotedFrom: ({ language }) => `Extractos de documentos en ${language}:`,
    abstain: "La base de conocimientos no contiene nada que responda a esta pregunta, así que prefiero no aventurar una respuesta.",
    closest: "Los documentos más cercanos:",
    helpful: "Útil",
    notHelpful: "No es útil",
    unansweredTitle: "Preguntas que la base de conocimientos no pudo responder",
    unansweredNone: "Por ahora no hay preguntas sin respuesta.",
    unansweredTimes: ({ count, date }) => `(${count} veces, la última el ${date})`,
    thanks: "Gracias por su opinión.",
  },
  areas: {
    requests: 'Solicitud de asistencia y evaluación de necesidades',
    planning: 'Planificación estratégica, estrategias nacionales y diseño de proyectos',
    policy: 'Asesoramiento en políticas, legislación y regulación',
    training: 'Formación, seminarios web y fortalecimiento de capacidades',
    evaluation: 'Seguimiento, evaluación, impacto y resultados',
    cooperation: 'Coordinación, alianzas e intercambio de experiencias',
  },
  experts: {
    title: ({ query }) => `Expertos para «${query}»`,
    titleAll: 'Expertos de la lista',
    areas: 'Áreas',
    languages: 'Idiomas',
    region: 'Región',
    availability: 'Disponibilidad',
    contact: 'Contacto',
    regions: {
      africa: 'África',
      'arab-states': 'Estados árabes',
      'asia-pacific': 'Asia y el Pacífico',
      'europe-central-asia': 'Europa y Asia Central',
      'latin-america-caribbean': 'América Latina y el Caribe',
    },
    speaks: ({ languages }) => `Expertos que hablan ${languages}`,
    inRegion: ({ region }) => `Región: ${region}`,
    more: ({ count }) =>
      count === 1
        ? 'Hay otro experto que coincide: añada palabras para acotar la búsqueda.'
        : `Hay otros ${count} expertos que coinciden: añada palabras para acotar la búsqueda.`,
    none: ({ query }) =>
      `Ningún experto de la lista corresponde a «${query}». Pruebe con términos más generales, por ejemplo un área de asistencia: evaluación, formación, planificación, políticas, solicitudes o cooperación.`,
    noneFiltered: 'También puede quitar el filtro de idioma o de región.',
    empty: 'Por ahora, la lista de expertos está vacía.',
    suggestTitle: 'Expertos que pueden ayudarle',
  },
  web: {
    title: "Foro de asistencia técnica",
    placeholder: "Haga una pregunta o escriba «help»…",
    send: "Enviar",
    inputLabel: "Su mensaje",
    failed: "No se pudo enviar el mensaje. Compruebe su conexión e inténtelo de nuevo.",
    localOnly: "Por ahora, el chat web solo está abierto en la propia máquina del servidor.",
  },
  welcome: {
    memberJoined: ({ name }) =>
      `Le doy la bienvenida al foro${name ? `, ${name}` : ''}. Puede preguntarme lo que desee sobre asistencia técnica o escribir «help» para ver lo que puedo hacer. Le ruego que mantenga un tono respetuoso en los intercambios y que no comparta información confidencial.`,
    installed:
      '¡Hola! Soy el bot del foro de asistencia técnica. Hágame una pregunta o escriba «help» para ver lo que puedo hacer.',
  },
  forms: {
    menuIntro: '¿Qué desea hacer? Haga una pregunta escribiéndola después de /forum, o bien:',
    openTopicForm: 'Proponer un tema',
    openPollForm: 'Crear una encuesta',
    showHelp: 'Ayuda',
    close: 'Cancelar',
    unavailable: ({ syntax }) => `Los formularios no pueden abrirse aquí. Escriba en su lugar el comando: ${syntax}`,
    topic: {
      title: 'Proponer un tema',
      submit: 'Proponer',
      titleLabel: 'Título',
      titlePlaceholder: '¿Qué debería debatir la comunidad?',
      descriptionLabel: 'Descripción',
      descriptionPlaceholder: 'Unas pocas frases: la pregunta, por qué es importante, un ejemplo',
    },
    poll: {
      title: 'Crear una encuesta',
      submit: 'Crear',
      questionLabel: 'Pregunta',
      optionsLabel: 'Opciones, una por línea (de 2 a 10)',
      optionsPlaceholder: 'Sí\nEn parte\nNo',
      kindLabel: 'Tipo de encuesta',
      kindSingle: 'Una sola opción',
      kindMulti: 'Varias opciones',
      kindRating: 'Valoración del 1 al 5',
      anonymousLabel: 'Anónima',
      anonymousNo: 'No: los nombres se guardan con los votos',
      anonymousYes: 'Sí: no se guarda ningún nombre',
      closesLabel: 'Fecha de cierre (opcional)',
      closesPlaceholder: 'Por ejemplo: 2026-12-01 17:00 UTC',
    },
  },
  home: {
    title: 'Foro de asistencia técnica',
    languageIs: ({ language }) => `Su idioma: ${language}. Para cambiarlo:`,
    repliesGoToMessages: 'Las respuestas a lo que seleccione en esta página llegan a la pestaña Mensajes.',
  },
  topics: {
    proposed: ({ id }) =>
      `Gracias: su propuesta #${id} se ha enviado a los moderadores. Se le comunicará su decisión.`,
    personalData:
      'Puede contener datos personales (una dirección de correo electrónico o un número de teléfono): revíselo antes de aprobarla.',
    queueTitle: 'Temas de debate',
    proposalsTitle: 'Propuestas pendientes de decisión',
    queuedTitle: 'Cola, en el orden de publicación',
    queueEmpty: 'No hay ninguna propuesta pendiente y la cola está vacía.',
    item: ({ id, title, author }) => `#${id} ${title} — propuesto por ${author}`,
    approve: 'Aprobar',
    reject: 'Rechazar',
    rejectNeedsReason: ({ id }) =>
      `Para rechazar la propuesta #${id}, indique el motivo: topic reject ${id} <reason>`,
    approved: ({ id, position }) => `Propuesta #${id} aprobada: ocupa el puesto ${position} en la cola.`,
    rejected: ({ id }) => `Propuesta #${id} rechazada. Se comunicará el motivo a quien la propuso.`,
    notWaiting: ({ id }) => `No hay ninguna propuesta #${id} pendiente de decisión.`,
    every: ({ weekday, time, zone }) => `cada ${weekday} a las ${time} (${zone})`,
    scheduleSet: ({ every, next }) => `El tema semanal se publicará ${every}. Próxima publicación: ${next}.`,
    proposerApproved: ({ title }) =>
      `Su propuesta «${title}» ha sido aprobada: será uno de los próximos temas semanales.`,
    proposerRejected: ({ title, reason }) =>
      `Su propuesta «${title}» no ha sido seleccionada. Motivo indicado por los moderadores: ${reason}`,
    weeklyHeader: 'Tema de la semana',
    weeklyFooter:
      'Responda en este hilo. Le rogamos que respete las normas del foro: respeto, confidencialidad y ningún material copiado.',
    reminderQueueEmpty: ({ next }) =>
      `La cola de temas está vacía y el próximo tema semanal debe publicarse el ${next}. Apruebe una propuesta o añada una con «topic propose».`,
    slotSkipped: ({ when }) =>
      `El tema semanal previsto para el ${when} no se publicó: el bot estuvo detenido más de un día. Esa publicación se ha omitido.`,
    slotEmpty: ({ when }) => `No se publicó nada el ${when}: la cola de temas estaba vacía.`,
    newProposal: ({ id, title }) => `Nueva propuesta de tema #${id}: «${title}».`,
    postedNow: ({ id, channels }) => `#${id} publicado en ${channels} canal(es) de debate.`,
    startersOn: 'Cuando la cola esté vacía, el bot publicará un tema de su biblioteca de debates.',
  },
};
