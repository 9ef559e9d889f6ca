namespace Pppk.Workflow.Web.Tests.EnglishText;

/// <summary>
/// Common English words of user interfaces (labels, buttons, messages, the libraries' defaults) and the most frequent
/// function words. Words that are Indonesian as well (data, status, total, format, unit, menu, filter, admin, normal,
/// final, area, program, media, main, tag, label, per, manual, global, legal, log, audit, server, model, interval,
/// detail, operator, monitor, digital, formal, sinyal…) are left out: they prove nothing.
/// </summary>
internal static class EnglishWords
{
    private const string List = """
        the and of to in is for with on by from this that these those not be are was were been has have had will would can
        could should may might must shall do does did done it its an or if then else than as at into onto out over under
        about after before between through during without within all any each every some many more most other such only own
        same so too very just also here there when where which who whom whose what why how your you yours our ours their
        they them we us he she his her him me my mine yes
        add added adding apply applied assign assigned assignee assignment available back binding browse build button
        cancel cancelled canceled change changed changes choose clear click close closed collapse complete completed
        confirm connect connected contains content continue copy create created current custom date default define
        delete deleted deploy deployed deployment description details disable disabled discard display document
        documentation done download drag drop due edit edited editor element elements empty enable enabled end ended enter
        error errors event events expand expanded expression failed failure field fields file files find finish finished
        first form forms found from general group groups header headers help hide history home import inbox incident
        incidents input inputs insert instance instances invalid item items job jobs key keys language last latest learn
        link linked list load loaded loading lock locked login logout manage mapping mappings message messages missing
        more move name names navigate new next no none not note notes nothing number numbers off ok open opened option
        optional options output outputs overdue owner page pages password paste pending pick placeholder please preview
        previous print priority process processes properties property publish read ready reason refresh reload remove
        removed rename required reset restore result results retry retries return review role roles row rows run running
        save saved schedule search section select selected selection send sent set settings show sign signed size skip
        sort source start started state step steps submit success summary support switch tab table target task tasks
        template templates text time timer title toggle tool tools type types undo unknown unlink unlock unsaved update
        updated upload user users valid validate validation value values variable variables version versions view
        warning warnings week weeks workflow workflows year years yesterday today tomorrow day days hour hours minute
        minutes second seconds month months morning afternoon evening night now ago soon later never always
        activate active inactive append connect create delegate candidate candidates condition conditions correlation
        subscription gateway gateways flow flows sequence boundary intermediate throw catch signal escalation compensation
        call called activity activities script service receive manual business rule rules decision multi loop collection
        collections child parent children token tokens handler handlers worker workers listener listeners tenant topic
        expression expressions evaluate evaluated mandatory dynamic static checkbox checked unchecked radio spacer
        separator dropdown picker tooltip outline alignment vertical horizontal center top bottom left right height
        width column columns layout appearance constraints serialization security attributes submission pagination
        prefix suffix decimal digits increment length pattern regular placeholder readonly searchable
        repeatable items allow disallow past future upcoming supported formats upload uploads multiple alternative
        image images view views preview documents reference references path paths team teams member members staff
        employee employees applicant applicants formation formations renewal renewals budget budgets contract contracts
        dashboard report reports export exports filterable queue queued batch operation operations cancel migration
        migrate running stopped paused resume resumed suspended deadline deadlines overdue assigned unassigned claim
        claimed release released hand forward approve approved reject rejected decline declined accept accepted pending
        status unknown error fatal warning info debug trace notification notifications email emails subject body
        sender recipient recipients inbox outbox draft drafts sent archive archived trash spam
        welcome hello goodbye thanks thank sorry oops try again something went wrong please wait processing
        success successful successfully unsuccessful failed failing fails broken missing unavailable forbidden denied
        unauthorized access permission permissions account accounts profile settings preferences sign out logged
        """;

    public static readonly HashSet<string> Words = new(
        List.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
}
