#!/usr/bin/env python3
"""Seeds a demo tenant through the public API (idempotent: a second run finds it and only prints the logins).

Usage: seed-demo.py API_BASE MAILDEV_BASE STATE_DIR [PORTAL_BASE]

Every record is created through the endpoints the portal uses (docs/api/*.md), so the demo also exercises the API:
any refusal stops the seed with the API's own message. The story it tells, for the five workflows:
- Omie (CRM): catalogue, solutions, customers and accounts, opportunities on every kanban stage with tickets and
  tasks, one won opportunity whose "Faturamento" matched the billing customer and generated its documents;
- Centrium (order → CRM): a confirmed order of 15 camera installations that generated its opportunity and 15 tasks,
  6 of them done and billed on a partial NFS-e (the local fake gateway);
- Gescor: a relationship log with visits, calls and a competitor over the last weeks, quotes;
- oGestor: a proposal e-mailed to a customer contact who also has customer-area access with a known password;
- Citrus.cx: inventory items by serial number tied to customer, contract, site and product type.
"""
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

API, MAILDEV, STATE = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/"), sys.argv[3]
PORTAL = (sys.argv[4] if len(sys.argv) > 4 else "http://localhost:5173").rstrip("/")
ADMIN_EMAIL = "admin@demo.crmsaas.com.br"
PASSWORD = "Demonstracao2026"
COMPANY = {
    "legalName": "Demonstração Serviços de TI Ltda",
    "tradeName": "Demo Serviços",
    "taxId": "11.222.333/0001-81",
    "adminName": "Ana Souza",
    "email": ADMIN_EMAIL,
    "password": PASSWORD,
}
# The customer-area login of one customer contact (the clinic's dentist, who has a proposal waiting).
CUSTOMER_EMAIL = "fernanda.lima@example.com.br"
CUSTOMER_PASSWORD = "Sorriso2026"


def call(method, path, body=None, token=None, expect=(200, 201, 202, 204), if_match=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(API + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if if_match:
        request.add_header("If-Match", if_match)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            text = response.read().decode("utf-8")
            return response.status, (json.loads(text) if text else None), response.headers
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8")
        if error.code in expect:
            return error.code, (json.loads(text) if text else None), error.headers
        raise SystemExit(f"seed: {method} {path} answered {error.code}: {text}")


def wait_for_link(to, fragment):
    # The e-mails go out from a queue step, so they reach MailDev a moment after the request that sent them.
    for _ in range(120):
        with urllib.request.urlopen(MAILDEV + "/email", timeout=10) as response:
            emails = json.loads(response.read().decode("utf-8"))
        for email in reversed(emails):
            if any(a.get("address", "").lower() == to.lower() for a in email.get("to", [])):
                match = re.search(r"https?://\S*" + re.escape(fragment) + r"\?token=([A-Za-z0-9_\-]+)", email.get("text") or "")
                if match:
                    return match.group(1)
        time.sleep(0.5)
    raise SystemExit(f"seed: no e-mail with {fragment} reached {to}")


def main():
    status, body, _ = call("POST", "/api/auth/signup", COMPANY, expect=(201, 409))
    slug = None
    if status == 201:
        slug = body["slug"]
        token = wait_for_link(ADMIN_EMAIL, "confirmar-email")
        call("POST", "/api/auth/confirm-email", {"token": token})
        print("seed: demo tenant created")
    login = staff.login()
    slug = slug or login["user"]["tenantSlug"]
    if status == 201:
        seed_records(login["user"], slug)
    with open(STATE + "/demo-logins.txt", "w", encoding="utf-8") as out:
        out.write(f"  Demo staff login:   {ADMIN_EMAIL} / {PASSWORD}\n")
        out.write(f"  Demo customer area: {PORTAL}/#/cliente/{slug}/entrar\n")
        out.write(f"  Demo customer login: {CUSTOMER_EMAIL} / {CUSTOMER_PASSWORD}\n")


# --- the admin's session and small request helpers ------------------------------------------------------------------

class Staff:
    """The demo admin's session. Access tokens live 15 minutes; on a slow machine the seed may outlast one."""

    def __init__(self):
        self.token, self.since = None, 0.0

    def login(self):
        _, session, _ = call("POST", "/api/auth/login", {"email": ADMIN_EMAIL, "password": PASSWORD})
        self.token, self.since = session["accessToken"], time.monotonic()
        return session

    def access(self):
        if time.monotonic() - self.since > 600:
            self.login()
        return self.token


staff = Staff()


def get(path):
    return call("GET", path, token=staff.access())[1]


def post(path, body=None, etag=None):
    return call("POST", path, {} if body is None else body, token=staff.access(), if_match=etag)[1]


def put(path, body, etag):
    return call("PUT", path, body, token=staff.access(), if_match=etag)[1]


def q(value):
    return urllib.parse.quote(value, safe="")


def wait_until(what, check, seconds=120):
    """Polls a queue step's visible result (PDF rendered, tasks generated) instead of sleeping a fixed time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(1)
    raise SystemExit(f"seed: {what} did not happen within {seconds} s (see the API log)")


# --- Brazilian documents and dates -----------------------------------------------------------------------------------

def cnpj(base12):
    """A CNPJ with its two check digits (mod 11, weights 5..2,9..2 then 6..2,9..2), formatted."""
    digits = [int(c) for c in base12]
    for weights in ([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]):
        rest = sum(d * w for d, w in zip(digits, weights)) % 11
        digits.append(0 if rest < 2 else 11 - rest)
    s = "".join(map(str, digits))
    return f"{s[:2]}.{s[2:5]}.{s[5:8]}/{s[8:12]}-{s[12:]}"


def cpf(base9):
    """A CPF with its two check digits (mod 11, weights 10..2 then 11..2), formatted."""
    digits = [int(c) for c in base9]
    for first in (10, 11):
        rest = sum(d * w for d, w in zip(digits, range(first, 1, -1))) * 10 % 11
        digits.append(0 if rest == 10 else rest)
    s = "".join(map(str, digits))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


# Dates count from today in Brasília, as the API's "today" (overdue tasks, expired quotes) does, not in the machine's zone.
TODAY = datetime.now(timezone(timedelta(hours=-3))).date()


def day(offset):
    return (TODAY + timedelta(days=offset)).isoformat()


# --- the demo ------------------------------------------------------------------------------------------------------

def seed_records(admin, slug):
    """Demo CRM data, through the same endpoints the portal uses."""
    settings(admin)
    catalogue = seed_catalogue()
    solutions = seed_solutions(catalogue)
    customers = seed_customers()
    accounts = seed_accounts(customers)
    seed_opportunities(admin, catalogue, solutions, accounts)
    faturamento = seed_faturamento(admin, catalogue, solutions, customers)
    seed_occurrences(customers["condominio"])
    order = seed_order_to_crm(catalogue, customers["condominio"])
    seed_inventory(catalogue, customers, order, faturamento)
    seed_proposal(catalogue, customers, slug)
    seed_customer_area(customers["clinica"], slug)
    print("seed: demo records created")


def settings(admin):
    # Without the issuer's fiscal data no invoice is issued; the company is the signed-up tenant, in Campinas/SP.
    put("/api/billing/settings", {
        "issuerTaxId": COMPANY["taxId"], "municipalityCode": "3509502", "simplesNacional": "MicroOrSmallCompany",
        "municipalRegistration": "1234567", "series": "1",
    }, "*")
    # Generated opportunities and tasks get an owner and an assignee, so the Central de Tarefas shows who does them;
    # a confirmed order is a closed deal, so its opportunity lands on the pipeline's last stage.
    current = get("/api/settings/order-crm")
    last_stage = get("/api/settings/pipeline")["stages"][-1]["id"]
    put("/api/settings/order-crm", {
        "enabled": True, "defaultGenerate": True, "stageId": last_stage, "ownerId": admin["id"],
        "titlePattern": "Pedido {numero} - {cliente} - {projeto}", "taskAssigneeId": admin["id"], "taskDueDays": 10,
        "showProjectAndContract": True,
    }, current["etag"])


def seed_catalogue():
    categories = {name: post("/api/catalogue/categories", {"name": name})["id"]
                  for name in ("Instalação", "Manutenção", "Treinamento e suporte")}

    def service(code, description, price, category, municipal, national, iss):
        return post("/api/catalogue/services", {
            "code": code, "description": description, "unitPrice": price, "categoryId": categories[category],
            "municipalServiceCode": municipal, "nationalTaxCode": national, "issRate": iss,
        })["id"]

    # Service codes are items of the LC 116/2003 list with their national code (cTribNac) and the city's ISS rate.
    services = {
        "camera": service("INST-CAM", "Instalação de câmera IP", 180.00, "Instalação", "14.06", "140601", 3.0),
        "rede": service("INST-REDE", "Ponto de rede cabeado (Cat6)", 120.00, "Instalação", "14.06", "140601", 3.0),
        "nvr": service("CFG-NVR", "Configuração de NVR e acesso remoto", 250.00, "Instalação", "01.07", "010701", 2.0),
        "preventiva": service("MAN-PREV", "Manutenção preventiva de CFTV", 350.00, "Manutenção", "14.01", "140101", 3.0),
        "suporte": service("SUP-HORA", "Hora de suporte técnico", 140.00, "Treinamento e suporte", "01.07", "010701", 2.0),
        "treinamento": service("TREIN-OPER", "Treinamento de operadores", 450.00, "Treinamento e suporte", "08.02", "080201", 2.0),
    }
    products = {
        "camera": post("/api/catalogue/products", {"code": "CAM-IP-4MP", "description": "Câmera IP 4MP bullet", "price": 429.90, "stock": 60})["id"],
        "nvr": post("/api/catalogue/products", {"code": "NVR-16C", "description": "NVR 16 canais", "price": 1890.00, "stock": 8})["id"],
    }
    # Citrus.cx: what an inventory item is, chosen from this list.
    types = {
        "camera": post("/api/catalogue/product-service-types", {"name": "Câmera IP", "kind": "product"})["id"],
        "nvr": post("/api/catalogue/product-service-types", {"name": "Gravador NVR", "kind": "product"})["id"],
        "manutencao": post("/api/catalogue/product-service-types", {"name": "Manutenção de CFTV", "kind": "service"})["id"],
    }
    return {"services": services, "products": products, "types": types}


def seed_solutions(catalogue):
    s = catalogue["services"]
    kit = post("/api/solutions", {
        "name": "Kit CFTV 8 câmeras", "description": "Instalação completa de 8 câmeras com gravador e treinamento.",
        "lines": [
            {"serviceId": s["camera"], "quantity": 8},
            {"serviceId": s["rede"], "quantity": 8},
            {"serviceId": s["nvr"], "quantity": 1},
            {"serviceId": s["treinamento"], "quantity": 1, "discountKind": "percent", "discount": 50},
        ],
    })["id"]
    preventiva = post("/api/solutions", {
        "name": "Manutenção preventiva trimestral", "description": "Visita de manutenção e horas de suporte remoto.",
        "lines": [
            {"serviceId": s["preventiva"], "quantity": 1},
            {"serviceId": s["suporte"], "quantity": 4},
        ],
    })["id"]
    return {"kit": kit, "preventiva": preventiva}


CUSTOMERS = {
    "condominio": {
        "legalName": "Condomínio Residencial Jardim das Palmeiras", "tradeName": "Jardim das Palmeiras",
        "taxId": cnpj("234567890001"), "email": "administracao@example.com.br", "phone": "(19) 3234-5678",
        "street": "Rua Barão de Jaguara", "number": "1000", "district": "Centro", "city": "Campinas", "state": "SP",
        "postalCode": "13015-904", "cityIbgeCode": "3509502",
        "contacts": [("Roberto Carvalho", "roberto.carvalho@example.com.br", "(19) 99123-4567", "Síndico"),
                     ("Luciana Prado", "luciana.prado@example.com.br", "(19) 99876-1234", "Administradora")],
        "sites": [("Portaria", "Entrada principal e eclusa de pedestres"), ("Garagem", "Subsolos 1 e 2")],
    },
    "clinica": {
        "legalName": "Clínica Odontológica Sorriso Pleno Ltda", "tradeName": "Sorriso Pleno",
        "taxId": cnpj("345678120001"), "email": "financeiro.sorrisopleno@example.com.br", "phone": "(81) 3325-4400",
        "street": "Avenida Conselheiro Aguiar", "number": "2738", "complement": "Sala 804", "district": "Boa Viagem",
        "city": "Recife", "state": "PE", "postalCode": "51020-020", "cityIbgeCode": "2611606",
        "contacts": [("Dra. Fernanda Lima", CUSTOMER_EMAIL, "(81) 99654-3210", "Sócia-diretora"),
                     ("Paulo Henrique Santos", "paulo.santos@example.com.br", "(81) 98877-6655", "Gerente administrativo")],
        "sites": [("Unidade Boa Viagem", "Recepção e 6 consultórios")],
    },
    "escola": {
        "legalName": "Escola Técnica Horizonte Ltda", "tradeName": "ETH Horizonte",
        "taxId": cnpj("456781230001"), "email": "compras.horizonte@example.com.br", "phone": "(31) 3275-9000",
        "street": "Rua dos Timbiras", "number": "1532", "district": "Lourdes", "city": "Belo Horizonte", "state": "MG",
        "postalCode": "30140-061", "cityIbgeCode": "3106200",
        "contacts": [("Marcelo Andrade", "marcelo.andrade@example.com.br", "(31) 99711-2233", "Diretor administrativo")],
        "sites": [("Sede Lourdes", "Prédio principal, 3 andares")],
    },
    "supermercado": {
        "legalName": "Supermercado Bom Preço Nordeste Ltda", "tradeName": "Bom Preço Olinda",
        "taxId": cnpj("567812340001"), "email": "ti.bompreco@example.com.br", "phone": "(81) 3429-1100",
        "street": "Avenida Getúlio Vargas", "number": "1200", "district": "Bairro Novo", "city": "Olinda", "state": "PE",
        "postalCode": "53030-010", "cityIbgeCode": "2609600",
        "contacts": [("José Ricardo Barbosa", "jose.barbosa@example.com.br", "(81) 99432-1098", "Gerente de loja")],
        "sites": [("Loja Bairro Novo", "Frente de caixa e depósito")],
    },
    "transportadora": {
        "legalName": "Transportadora Rota Sul Ltda", "tradeName": "Rota Sul",
        "taxId": cnpj("678123450001"), "email": "seguranca.rotasul@example.com.br", "phone": "(41) 3366-2020",
        "street": "Rua João Bettega", "number": "3500", "district": "Cidade Industrial", "city": "Curitiba", "state": "PR",
        "postalCode": "81350-000", "cityIbgeCode": "4106902",
        "contacts": [("Camila Ferreira", "camila.ferreira@example.com.br", "(41) 99988-7766", "Coordenadora de segurança")],
        "sites": [("Centro de distribuição", "Pátio e doca")],
    },
    "residencia": {
        # A person, not a company: a CPF customer (home installation).
        "legalName": "Marcos Vinícius Albuquerque", "taxId": cpf("529982247"), "email": "marcos.albuquerque@example.com.br",
        "phone": "(19) 98111-2233", "street": "Rua Coronel Quirino", "number": "455", "district": "Cambuí",
        "city": "Campinas", "state": "SP", "postalCode": "13025-001", "cityIbgeCode": "3509502",
        "contacts": [("Marcos Vinícius Albuquerque", "marcos.albuquerque@example.com.br", "(19) 98111-2233", "Proprietário")],
        "sites": [("Residência Cambuí", "Casa térrea")],
    },
}


def seed_customers():
    """Billing customers (Cliente) with contacts and sites; returns {key: {id, legalName, taxId, contacts, sites}}."""
    result = {}
    for key, data in CUSTOMERS.items():
        record = {k: v for k, v in data.items() if k not in ("contacts", "sites")}
        customer = post("/api/customers", record)
        contacts = [post(f"/api/customers/{customer['id']}/contacts", {"name": n, "email": e, "phone": p, "role": r})["id"]
                    for n, e, p, r in data["contacts"]]
        sites = [post(f"/api/customers/{customer['id']}/sites",
                      {"name": name, "city": data["city"], "state": data["state"],
                       "address": f"{data['street']}, {data['number']}", "notes": notes})["id"]
                 for name, notes in data["sites"]]
        result[key] = {"id": customer["id"], "legalName": data["legalName"], "taxId": data["taxId"],
                       "contacts": contacts, "sites": sites, "data": data}
    return result


def seed_accounts(customers):
    """CRM accounts (Conta): most linked to their billing customer, one prospect that is not a customer yet."""
    accounts = {}
    for key in ("condominio", "clinica", "supermercado", "transportadora", "residencia"):
        c = customers[key]
        account = post("/api/accounts", {
            "name": c["data"].get("tradeName", c["legalName"]), "taxId": c["taxId"], "email": c["data"]["email"],
            "phone": c["data"]["phone"], "city": c["data"]["city"], "state": c["data"]["state"], "customerId": c["id"],
        })
        name, email, phone, role = c["data"]["contacts"][0]
        contact = post(f"/api/accounts/{account['id']}/contacts", {"name": name, "email": email, "phone": phone, "position": role})
        accounts[key] = {"id": account["id"], "contactId": contact["id"], "name": account["name"]}
    prospect = post("/api/accounts", {
        "name": "Academia Corpo em Forma", "taxId": cnpj("789123450001"), "email": "contato.corpoemforma@example.com.br",
        "phone": "(85) 3244-5566", "website": "https://corpoemforma.example.com.br", "city": "Fortaleza", "state": "CE",
        "notes": "Indicação do Bom Preço; quer câmeras nas 2 salas de musculação.",
    })
    contact = post(f"/api/accounts/{prospect['id']}/contacts",
                   {"name": "Thiago Nascimento", "email": "thiago.nascimento@example.com.br", "phone": "(85) 99100-2030", "position": "Sócio"})
    accounts["academia"] = {"id": prospect["id"], "contactId": contact["id"], "name": prospect["name"]}
    return accounts


def opportunity(admin, account, title, stage, close_in, lines=(), solution=None, notes=None):
    """Creates an opportunity and fills its ticket; each write answers the new version, sent as the next If-Match."""
    o = post("/api/opportunities", {
        "title": title, "accountId": account["id"], "contactId": account["contactId"], "ownerId": admin["id"],
        "stageId": stage, "expectedCloseDate": day(close_in), "notes": notes,
    })
    if solution:
        o = post(f"/api/opportunities/{o['id']}/ticket/apply-solution", {"solutionId": solution}, o["etag"])
    for line in lines:
        o = post(f"/api/opportunities/{o['id']}/ticket/lines", line, o["etag"])
    return o


def task(admin, subject, opportunity_id, due_in, description=None, done=False):
    t = post("/api/tasks", {"subject": subject, "description": description, "opportunityId": opportunity_id,
                            "assigneeId": admin["id"], "dueDate": day(due_in)})
    if done:
        post(f"/api/tasks/{q(t['id'])}/complete", None, t["etag"])


def seed_opportunities(admin, catalogue, solutions, accounts):
    """Open opportunities on every kanban stage and a lost one, with tickets and follow-up tasks (the won one: Faturamento)."""
    s, p = catalogue["services"], catalogue["products"]
    # A new tenant's pipeline: Prospecção, Qualificação, Proposta, Negociação, Fechamento.
    first, second, third, fourth, last = [stage["id"] for stage in get("/api/settings/pipeline")["stages"]]

    o = opportunity(admin, accounts["academia"], "CFTV nas salas de musculação", first, 45, lines=[
        {"kind": "service", "serviceId": s["camera"], "quantity": 4},
        {"kind": "product", "productId": p["camera"], "quantity": 4},
    ], notes="Primeiro contato pela indicação do Bom Preço.")
    task(admin, "Agendar visita técnica", o["id"], 3, "Levantar pontos de câmera e rede nas duas salas.")

    opportunity(admin, accounts["transportadora"], "Monitoramento do pátio e da doca", second, 30, lines=[
        {"kind": "service", "serviceId": s["camera"], "quantity": 12},
        {"kind": "service", "serviceId": s["rede"], "quantity": 12},
        {"kind": "product", "productId": p["nvr"], "quantity": 1},
    ])

    # A 10 % discount on the service lines the customer negotiated.
    o = opportunity(admin, accounts["supermercado"], "Câmeras na frente de caixa", third, 20, lines=[
        {"kind": "service", "serviceId": s["camera"], "quantity": 6, "discountKind": "percent", "discount": 10},
        {"kind": "service", "serviceId": s["nvr"], "quantity": 1},
        {"kind": "product", "productId": p["camera"], "quantity": 6},
    ])
    task(admin, "Enviar proposta revisada com 10% de desconto", o["id"], 1, done=True)
    task(admin, "Ligar para o gerente sobre a proposta", o["id"], -1)  # overdue: the Central de Tarefas flags it

    o = opportunity(admin, accounts["residencia"], "Câmeras na residência do Cambuí", third, 10, lines=[
        {"kind": "service", "serviceId": s["camera"], "quantity": 3},
        {"kind": "product", "productId": p["camera"], "quantity": 3},
        # R$ 100,00 off, as agreed on the visit.
        {"kind": "service", "serviceId": s["nvr"], "quantity": 1, "discountKind": "amount", "discount": 100},
    ])
    task(admin, "Confirmar data da instalação", o["id"], 5)

    opportunity(admin, accounts["clinica"], "Manutenção preventiva da clínica", fourth, 15, solution=solutions["preventiva"])

    o = opportunity(admin, accounts["condominio"], "Ampliação do CFTV do bloco B", last, 7, solution=solutions["kit"])
    task(admin, "Apresentar proposta em assembleia", o["id"], 6, "Assembleia extraordinária de condôminos.")

    # Closed ones: the kanban shows only open cards, the list and the stage statistics show these too.
    lost = opportunity(admin, accounts["transportadora"], "Controle de acesso da portaria", second, -5, lines=[
        {"kind": "service", "serviceId": s["suporte"], "quantity": 10},
    ])
    post(f"/api/opportunities/{lost['id']}/lost", {"reason": "Preço: o concorrente ofereceu comodato dos equipamentos."}, lost["etag"])


def seed_faturamento(admin, catalogue, solutions, customers):
    """
    Omie "Faturamento": a won opportunity of an account that is not linked to a customer yet; the account's CNPJ
    matches the school's billing customer, and the service order, sales order and contract are generated from it.
    """
    school = customers["escola"]
    account = post("/api/accounts", {
        "name": "Escola Técnica Horizonte", "taxId": school["taxId"], "email": "compras.horizonte@example.com.br",
        "phone": "(31) 3275-9000", "city": "Belo Horizonte", "state": "MG",
    })
    contact = post(f"/api/accounts/{account['id']}/contacts",
                   {"name": "Marcelo Andrade", "email": "marcelo.andrade@example.com.br", "position": "Diretor administrativo"})
    stages = [stage["id"] for stage in get("/api/settings/pipeline")["stages"]]
    o = opportunity(admin, {"id": account["id"], "contactId": contact["id"]}, "CFTV da sede Lourdes", stages[-1], -2,
                    solution=solutions["kit"], lines=[{"kind": "product", "productId": catalogue["products"]["nvr"], "quantity": 1}])
    o = post(f"/api/opportunities/{o['id']}/won", None, o["etag"])
    post(f"/api/opportunities/{o['id']}/faturamento/customer", {"mode": "match"})
    generated = post(f"/api/opportunities/{o['id']}/faturamento/generate", {
        "kinds": ["all"],
        "contract": {"title": "Manutenção do CFTV - Sede Lourdes", "startDate": day(0), "recurrence": "monthly"},
    })
    documents = {d["kind"]: d["id"] for d in generated["documents"]}
    activate_contract(documents["contract"])
    return {"opportunityId": o["id"], "contractId": documents["contract"], "serviceOrderId": documents["service-order"]}


def activate_contract(contract_id):
    contract = get(f"/api/contracts/{contract_id}")
    post(f"/api/contracts/{contract_id}/status", {"status": "active"}, contract["etag"])


def seed_occurrences(customer):
    """Gescor: the condominium's relationship log over the last weeks, one with a competitor's prices."""
    roberto, luciana = customer["contacts"]
    entries = [
        (-40, "visita", roberto, "Visita técnica à portaria: 2 câmeras queimadas e gravador sem espaço em disco."),
        (-33, "diario", luciana, "Enviado orçamento de ampliação; a administradora pediu parcelamento em 3 vezes."),
        (-26, "visita", roberto, "Reunião com o síndico e o conselho: aprovada a instalação de 15 câmeras."),
        (-18, "pos-venda", luciana, "Primeira etapa da instalação concluída; moradores elogiaram a imagem noturna."),
        (-9, "sac", roberto, "Chamado: câmera da garagem G2 desalinhada após limpeza. Técnico agendado."),
        (-2, "diario", luciana, "Confirmado o faturamento parcial das câmeras já instaladas."),
    ]
    created = [post(f"/api/customers/{customer['id']}/occurrences",
                    {"date": day(offset), "type": kind, "contactId": contact, "description": description})
               for offset, kind, contact, description in entries]
    quoted = created[1]
    post(f"/api/customers/{customer['id']}/occurrences/{quoted['id']}/competitors",
         {"name": "VigiaTech Segurança", "notes": "Oferece comodato do NVR.", "prices": "Câmera instalada R$ 520,00"},
         quoted["etag"])


def seed_order_to_crm(catalogue, customer):
    """
    Centrium: an order of 15 camera installations (and the 15 cameras plus a recorder) confirmed with "gerar
    oportunidade", so the order → CRM step creates its opportunity and 15 tasks; 6 are done and billed.
    """
    s, p = catalogue["services"], catalogue["products"]
    contract = post("/api/contracts", {
        "customerId": customer["id"], "title": "Manutenção do CFTV - Jardim das Palmeiras", "startDate": day(-20),
        "recurrence": "monthly", "items": [{"serviceId": s["preventiva"], "description": "Manutenção preventiva mensal",
                                            "quantity": 1, "unitPrice": 350.00, "discountKind": "none", "discount": 0}],
        "notes": "Inclui 1 visita por mês e atendimento de chamados em até 24 h.",
    })
    activate_contract(contract["id"])
    order = post("/api/sales-orders", {
        "customerId": customer["id"], "date": day(-21), "paymentTerms": "30/60/90", "paymentMethod": "Boleto bancário",
        "project": "CFTV portaria e garagem", "contractId": contract["id"], "generateOpportunity": True,
        "notes": "Instalação em duas etapas: portaria primeiro, garagem depois.",
        "items": [
            {"kind": "service", "serviceId": s["camera"], "quantity": 15, "note": "Inclui suporte e fixação"},
            {"kind": "product", "productId": p["camera"], "quantity": 15, "note": "Garantia de 12 meses"},
            {"kind": "product", "productId": p["nvr"], "quantity": 1},
        ],
    })
    order = post(f"/api/sales-orders/{order['id']}/confirm", None, order["etag"])
    order = wait_until("the order → CRM step", lambda: (lambda o: o if o["opportunityGeneration"] == "done" else None)(
        get(f"/api/sales-orders/{order['id']}")))
    tasks = get(f"/api/tasks?orderId={order['id']}&pageSize=50")["items"]
    if len(tasks) != 15:
        raise SystemExit(f"seed: the order generated {len(tasks)} tasks, not 15")
    for t in sorted(tasks, key=lambda t: t.get("unitIndex") or 0)[:6]:
        post(f"/api/tasks/{q(t['id'])}/complete", None, t["etag"])
    # The gate lets 6 installations be billed now: a partial NFS-e, the order goes to "Faturado parcialmente".
    installation = next(i for i in order["items"] if i["kind"] == "service")
    post(f"/api/sales-orders/{order['id']}/invoices", {"items": [{"itemId": installation["id"], "quantity": 6}]})
    return {"id": order["id"], "contractId": contract["id"], "items": order["items"]}


def seed_inventory(catalogue, customers, order, faturamento):
    """Citrus.cx: the delivered cameras and recorders by serial number, per customer, contract, site and type."""
    types, products = catalogue["types"], catalogue["products"]
    condominio = customers["condominio"]
    portaria, garagem = condominio["sites"]
    camera_line = next(i for i in order["items"] if i.get("productId") == products["camera"])
    nvr_line = next(i for i in order["items"] if i.get("productId") == products["nvr"])
    warranty = day(365)
    for site, serials in ((portaria, range(101, 109)), (garagem, range(109, 116))):
        post("/api/inventory/register-serials", {
            "customerId": condominio["id"], "contractId": order["contractId"], "siteId": site, "typeId": types["camera"],
            "orderId": order["id"], "orderItemId": camera_line["id"], "warrantyUntil": warranty,
            "serials": [f"CAM4MP-2026-{n:06d}" for n in serials],
        })
    post("/api/inventory/register-serials", {
        "customerId": condominio["id"], "contractId": order["contractId"], "siteId": portaria, "typeId": types["nvr"],
        "orderId": order["id"], "orderItemId": nvr_line["id"], "warrantyUntil": warranty,
        "serials": ["NVR16-BR-0042"], "notes": "Rack da portaria, nobreak 1,5 kVA",
    })
    # The school's recorder, under the contract and service order its won opportunity generated.
    school = customers["escola"]
    post("/api/inventory", {
        "serialNumber": "NVR16-BR-0057", "customerId": school["id"], "contractId": faturamento["contractId"],
        "serviceOrderId": faturamento["serviceOrderId"],
        "siteId": school["sites"][0], "typeId": types["nvr"], "description": "NVR 16 canais",
        "notes": "Sala de TI, 2º andar", "warrantyUntil": warranty,
    })


def seed_proposal(catalogue, customers, slug):
    """oGestor: an open quote, and a quote converted into a proposal e-mailed to the clinic's dentist."""
    s, customer = catalogue["services"], customers["clinica"]
    post("/api/quotes", {
        "customerId": customers["supermercado"]["id"], "validUntil": day(12),
        "notes": "Ampliação para o depósito; valores válidos por 15 dias.",
        "items": [{"kind": "service", "serviceId": s["camera"], "quantity": 4},
                  {"kind": "service", "serviceId": s["rede"], "quantity": 4}],
    })
    quote = post("/api/quotes", {
        "customerId": customer["id"], "notes": "Proposta de CFTV para a recepção e os consultórios.",
        "items": [{"kind": "service", "serviceId": s["camera"], "quantity": 5},
                  {"kind": "service", "serviceId": s["nvr"], "quantity": 1},
                  {"kind": "product", "productId": catalogue["products"]["camera"], "quantity": 5}],
    })
    order = post(f"/api/quotes/{quote['id']}/convert",
                 {"generateOpportunity": True, "paymentTerms": "0/30", "paymentMethod": "Boleto bancário"}, quote["etag"])
    post(f"/api/sales-orders/{order['id']}/send-proposal", {"contactId": customer["contacts"][0]})
    # The e-mailed link lands in MailDev; waiting for it proves the proposal went out. The slug in the link tells
    # this tenant's e-mail from another's to the same address.
    wait_for_link(CUSTOMER_EMAIL, f"cliente/{slug}/proposta")


def seed_customer_area(customer, slug):
    """Customer-area access for the dentist, accepted with a known password so the printed login works."""
    post(f"/api/customers/{customer['id']}/portal-access", {"contactId": customer["contacts"][0]})
    token = wait_for_link(CUSTOMER_EMAIL, f"cliente/{slug}/convite")
    call("POST", f"/api/customer-auth/{slug}/accept-invitation", {"token": token, "password": CUSTOMER_PASSWORD})


if __name__ == "__main__":
    main()
