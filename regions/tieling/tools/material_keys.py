"""The key of a material (how an application names it: an upload slot, a registry fact), derived from its name.

The same name always gets the same key, in every item, so a bundle (一件事) asks for it once. Three rules, in order:

1. NAMES: whole names with a chosen key — the showcase items' keys (demo_forms.py), the applicant's own documents
   under several names (居民身份证, 申请人身份证明 … → id_card; every recent photo → photo), and names the glossary
   would make too long or unclear.
2. An item's own application form (a name ending in 申请表, 申请书, 登记表, 申报表, 备案表 …) → application_form:
   online, the form filled in on the page is that form (一表申请), and a bundle's items share one.
3. Otherwise the name is read left to right against TERMS (the longest term first), each term giving English words;
   words joined glue-free characters (的, 及, 和 …) are dropped. A key over 40 characters loses words from its middle
   (the first word and the last two stay). A character no term covers is an error: add the term, do not guess.
"""
import re

MAX = 40
GLUE = set("的及和与、，,（）() 之")

NAMES = {
    # The showcase items (demo_forms.py).
    "户口迁移申请表": "application_form", "居民户口簿": "household_book", "居民身份证": "id_card",
    "合法稳定住所证明（不动产权证书或房屋租赁登记备案证明）": "residence_proof", "居住登记凭证或合法稳定住所证明": "residence_proof",
    "结婚证": "marriage_certificate", "劳动合同或营业执照": "employment_proof", "在校就读证明": "school_proof",
    "经营者居民身份证": "operator_id_card", "经营者身份证明": "operator_id_card", "经营场所使用相关文件": "premises_proof",
    "经营场所使用证明": "premises_proof", "授权委托书": "power_of_attorney", "营业执照": "business_licence",
    "与食品经营相适应的主要设备设施、经营布局、操作流程等文件": "facilities",
    "食品安全自查、从业人员健康管理等食品安全管理制度目录": "safety_rules", "食品安全管理人员健康证明": "health_certificate",
    # Facts of departments' own systems (department_facts.csv).
    "住房公积金缴存证明": "housing_fund_record", "基本医疗保险参保缴费证明": "medical_insurance_record",
    # The applicant's own identity, under the names items give it.
    "申请人居民身份证": "id_card", "申请人身份证明": "id_card", "申报人居民身份证": "id_card", "申报人身份证明": "id_card",
    "申领人居民身份证": "id_card", "当事人居民身份证": "id_card",
    # The applicant's recent photo, whatever size the item asks for.
    "近期免冠彩色照片": "photo", "近期一寸免冠彩色照片": "photo", "近期二寸免冠白底彩色照片": "photo",
    "近期免冠彩色数码照片": "photo", "近期免冠彩色证件照片": "photo", "近期免冠照片": "photo", "近期免冠证件照片": "photo",
    "近期半身免冠照片": "photo", "申请人近期正面免冠照片": "photo",
    # The applicant's social security card as a bank account (benefits are paid to it).
    "本人社会保障卡（金融账户）": "bank_account_card", "本人银行卡或社会保障卡（金融账户）": "bank_account_card",
    "申领人社会保障卡（金融账户）": "bank_account_card",
    # A form that is not this item's application but a document of another procedure.
    "退休审批表": "retirement_approval_form", "环境影响评价审批文件或登记表": "eia_approval_or_registration",
    "教师资格认定体检表": "teacher_health_check_form", "经济困难状况说明表": "financial_hardship_statement",
    # Names the glossary would make too long.
    "本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明": "no_spouse_no_kinship_declaration",
    "投入开发建设资金达到工程建设总投资百分之二十五以上的证明": "development_investment_25_percent_proof",
    "排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸": "drainage_network_drawings",
    "主管代理记账业务负责人的会计师以上专业技术职务资格证明": "bookkeeping_head_qualification",
    "企业主要负责人、安全生产管理人员及运行、维护和抢修人员的资格证明": "gas_staff_qualifications",
    "主要负责人、安全生产管理人员安全生产知识和管理能力考核合格证明": "safety_management_assessment_proof",
    "被收养人出生证明或社会福利机构出具的被收养人情况证明": "adoptee_birth_or_welfare_proof",
    "依法需要办理建设工程规划许可的，提供建设工程规划许可文件": "construction_planning_permit_document",
    "公共场所地址方位示意图、平面图和卫生设施平面布局图": "public_place_location_and_layout_plans",
    "经营场所、仓库平面布置图及房屋产权或使用权证明": "premises_warehouse_plans_and_title",
    "经营管理制度、安全生产管理制度和服务质量保障制度文本": "operation_safety_service_rules",
    "与旅行社订立的劳动合同或在旅游行业组织注册的证明": "travel_agency_contract_or_registration",
    "采伐作业设计或采伐林木的地点、面积、蓄积说明": "logging_design_or_statement",
    "网络预约出租汽车服务平台数据库接入情况说明": "ride_hailing_platform_data_access_statement",
    "采砂对防洪安全和河势稳定影响的评价报告": "sand_mining_flood_impact_assessment",
    "保障公路、公路附属设施质量和安全的技术评价报告": "highway_safety_technical_assessment",
    "符合有关技术标准、规范要求的设计和施工方案": "design_and_construction_plan",
    "危险性较大的分部分项工程清单及安全管理措施": "high_risk_works_list_and_safety_measures",
    "食品生产设备布局图和食品生产工艺流程图": "food_production_layout_and_flow_charts",
    "营业场所和仓储场所地址、面积、平面示意图": "business_and_storage_premises_plans",
    "不动产坐落、界址、用途、面积等状况变更的材料": "real_estate_condition_change_proof",
    "权利人姓名、名称、身份证明类型等发生变更的材料": "right_holder_details_change_proof",
    "医疗诊断证明或者职业病诊断证明书": "medical_or_occupational_diagnosis",
    "二级及以上医疗机构出具的诊断证明和相关检查报告": "hospital_diagnosis_and_test_reports",
    "县级或者部队团级以上医疗机构出具的身体健康证明": "hospital_health_certificate",
    "无犯罪、吸毒行为记录和无精神病病史证明": "no_crime_drug_mental_illness_proof",
    "质量管理、经营等关键岗位人员学历或职称证明": "key_staff_education_or_title_proof",
    "驾驶人员、装卸管理人员、押运人员从业资格证": "driver_loader_escort_qualifications",
    "网络预约出租汽车服务平台数据库接入情况说明": "ride_hailing_data_access_statement",
    # Names whose glossary words read badly.
    "不具备修建防空地下室条件的说明材料": "no_shelter_conditions_statement",
    "上次领购票据的使用情况和核销材料": "last_receipts_usage_and_write_off",
    "已聘用或者拟聘用驾驶人员的从业资格证": "drivers_qualification_certificates",
    "依法作出解散的决议或决定": "dissolution_resolution_or_decision",
    "修改后的公司章程或章程修正案": "amended_articles",
    "使用林地可行性报告或使用林地现状调查表": "forest_land_feasibility_or_survey",
    "执业药师资格证书及注册证": "pharmacist_certificate_and_registration",
    "种子检验设施、仓储设施证明": "seed_testing_and_storage_facilities",
    "危险化学品经营许可证及消防验收文件": "hazchem_licence_and_fire_acceptance",
    "双方近期半身免冠合影照片": "couple_joint_photo",
    "双方近期半身免冠照片": "both_parties_photos",
    "涉及消防的建设工程竣工图纸": "fire_as_built_drawings",
    "开办快递末端网点的企业出具的授权证明": "parcel_company_authorisation",
    "举办者的身份证明或法人登记证书": "founder_identity_or_legal_person_proof",
    "设置人身份证明或法人资格证明": "founder_identity_or_legal_person_proof",
    "土地权属来源证明（国有建设用地使用权证书）": "land_title_origin_proof",
    "不动产权籍调查成果（宗地图、房产分户图）": "cadastral_survey",
    "变更更正项目的证明材料": "change_correction_proof",
    "变更事项的证明材料": "changes_proof", "变更事项证明材料": "changes_proof", "变更事项相关证明文件": "changes_proof",
    "与变更事项有关的材料": "changes_proof", "变更事项相关材料": "changes_proof",
    "应用证明和经济社会效益证明": "application_and_benefit_proof",
    "节能管理制度及能源计量器具配备情况": "energy_rules_and_meters",
    "消防安全管理制度及消防设施维护保养记录": "fire_safety_rules_and_records",
    "延续期间的自行监测数据和执行报告": "renewal_monitoring_and_compliance_report",
    "股东的主体资格证明或自然人身份证明": "shareholder_identity_proof",
    "证实不动产登记簿记载事项错误的材料": "register_error_proof", "证实不动产登记簿记载的事项错误的材料": "register_error_proof",
    "证实对登记的不动产权利有利害关系的材料": "registered_right_interest_proof",
    "业主大会或相关业主表决同意的证明": "owners_vote_proof",
    "异地长期居住的承诺书": "long_term_residence_commitment",
    "标注项目用地范围的土地利用现状图": "project_land_use_map",
    "拟购买剧毒化学品的品种、数量和用途说明": "toxic_chemicals_purchase_statement",
    "购买品种、数量和用途说明": "purchase_statement",
    "机动车所有权转移的证明（二手车销售发票等）": "vehicle_ownership_transfer_proof",
    "不动产转移的材料（买卖合同、继承、赠与等）": "real_estate_transfer_proof",
    "律师事务所出具的同意接收申请人的证明": "law_firm_acceptance_proof",
    "律师协会出具的实习考核合格材料": "bar_internship_assessment",
    "接收单位出具的商调函或接收证明": "receiving_unit_acceptance_letter",
    "贷款银行出具的还款明细": "bank_repayment_statement",
    "项目建设依据（项目建议书批复或相关文件）": "project_basis_document",
    "建设项目用地预审与选址申请报告": "land_pre_review_report",
    "法定代表人、董事、监事和经理的任职文件": "directors_appointments",
    "法定代表人、董事、监事和经理的身份证明": "directors_identity_proof",
    "邀请或聘用单位的执业许可证": "employer_practice_licence",
    "近期病历、诊断证明等医疗材料": "recent_medical_records",
    "有效的诊断证明、病历材料": "diagnosis_and_medical_records",
    "有效线索和相关证明材料": "leads_and_proof",
    "与所申请法律援助事项有关的材料": "legal_aid_matter_proof",
    "维修设备设施和技术人员情况说明": "repair_equipment_and_staff_statement",
}

FORM = re.compile(r"(申请表|申请书|申请|登记表|申报表|备案表|信息表|申领表|审批表|审核表|登记书|报送表|采集表|核准表|申请单|申报单|推荐书|备案书|清册|调整表|登记注册书)$")

# Chinese term = English words (snake_case). Longest match first; one term a line.
TERMS_TEXT = """
周边=surrounding
医院=hospitals
距离=distance
全体股东=all_shareholders
出资承诺书=contribution_commitment
村（居）民委员会=village_committee
家庭=family
情况=
相关=
有关=
出具=
营业执照=business_licence
执业登记注册书=registration_form
结婚证=marriage_certificate
近期=recent
免冠=
证书=certificate
各=
布局平面图=layout_plan
功能区=areas
使用=use
从业资格证=qualification_certificate
机构=institution
最高学位=highest_degree
关系证明=relationship_proof
关系=relationship
安全管理制度=safety_rules
事业单位法人证书=public_institution_certificate
身份信息=identity
图=map
设置=setting
来源=origin
清单=list
有=
上次=last
领购=purchase
票据=receipts
使用情况=usage
核销=write_off
材料=proof
不具备=lack_of
修建=building
防空地下室=air_raid_shelter
条件=conditions
说明=statement
不动产权证书=real_estate_certificate
不动产权属证书=real_estate_certificates
不动产权籍调查成果=cadastral_survey
宗地图=parcel_map
房产分户图=unit_plan
不动产=real_estate
购房合同=purchase_contract
灭失=loss
权利消灭=extinction
权利=right
登记证明=registration_proof
抵押=mortgage
转移=transfer
买卖合同=sale_contract
继承=inheritance
赠与=gift
变更事项=changes
变更=change
更正=correction
项目=project
所申请=requested
法律援助事项=legal_aid_matter
法律援助=legal_aid
烈士关系=martyr_relationship
烈士证明书=martyr_certificate
烈士=martyr
军人=soldier
退役军人=veteran
身份证明=identity_proof
用人单位=employer
存在=existing
劳动关系=employment_relationship
证明=proof
符合规定=qualified
运输单位=carrier
签订=signed
合同=contract
第三者=third_party
利害关系=interest
专业技术人员=professional_staff
专业技术工作=professional_work
专业管理人员=management_staff
资格证明=qualification_proof
资格证书=qualification_certificate
资格证=qualification_certificate
资格=qualification
业绩=performance
职称证书=title_certificate
职称=title
劳动合同=labour_contract
专兼职教师=teachers
专职从业人员=full_time_staff
从业人员=staff
业主大会=owners_assembly
相关业主=owners
表决同意=vote
业务主管单位=supervising_body
审查同意=approval
批准文件=approval
批准书=approval
批准=approval
文件=document
中医=tcm
专长=specialty
医师资格证书=physician_qualification
医师执业证书=physician_licence
医师=physician
中华人民共和国残疾人证=disability_certificate
残疾人证=disability_certificate
中小学教师资格考试=teacher_exam
合格证明=pass_proof
合格证=certificate_of_conformity
合格文件=acceptance_proof
合格材料=pass_proof
合格书=approval
合格=pass
中标通知书=bid_award_notice
直接发包=direct_contracting
临时使用土地=temporary_land_use
临时用地=temporary_land
勘测定界图=boundary_survey_map
主债权合同=loan_contract
主要知识产权=intellectual_property
标准规范=standards
主要负责人=principal
安全培训=safety_training
举办者=founder
法人登记证书=legal_person_certificate
法人资格证明=legal_person_proof
法人证书=legal_person_certificate
资质证明=qualification_proof
资质证=qualification_certificate
资质=qualification
乡村医生证书=village_doctor_certificate
执业助理医师=assistant_physician
乡镇人民政府=township
同意=consent
意见=opinion
买卖双方=buyer_and_seller
居民身份证=id_card
居民户口簿=household_book
事故伤害=accident_injury
经过=account
事故=accident
证据材料=evidence
证据=evidence
医疗机构=medical_institution
诊断证明=diagnosis
检查报告=test_report
亲子鉴定=paternity_test
亲属关系=kinship
人员情况=staff_statement
人民法院=court
查封裁定书=seizure_ruling
人防工程=civil_air_defence_works
权属证明=title_proof
权属来源证明=title_origin_proof
权属来源=title_origin
权属转移=title_transfer
权属=title
健康体检=health_check
健康证明=health_certificate
身体健康=health
仓储设施=storage_facilities
检验设备=testing_equipment
付款方=payer
款项=payment
确认=confirmation
代办帮办服务=agency_service
委托书=authorisation
代理记账业务=bookkeeping
内部规范=internal_rules
仪器设备=instruments
场所证明=premises_proof
企业业绩=company_performance
企业主要人员=key_staff
企业技术中心=technology_centre
申请报告=application_report
评价材料=assessment
会员大会=members_assembly
理事会=council
决议=resolution
决定=decision
住房贷款=housing_loan
住所使用权=domicile_use
住所使用=domicile_use
住所=domicile
体检=health_check
使用单位=user
使用林地=forest_land_use
可行性报告=feasibility_report
现状调查表=survey
依法=legal
作出=made
解散=dissolution
保安服务=security_service
管理制度=management_rules
保障=ensuring
修改后=amended
公司章程=articles_of_association
章程修正案=articles_amendment
章程草案=draft_articles
章程=articles
借款人=borrower
配偶=spouse
收入证明=income_proof
收入=income
停车场地=parking
土地使用证明=land_use_proof
土地使用=land_use
全体投资人=all_investors
承诺书=commitment
全体设立人=founders
签名=signed
盖章=sealed
设立大会纪要=founding_minutes
公众参与=public_participation
公共场所=public_place
卫生检测=hygiene_test
评价报告=assessment_report
卫生管理制度=hygiene_rules
公安机关=police
无犯罪记录证明=no_criminal_record
无犯罪=no_crime
公证机构=notary_office
实习鉴定=internship_appraisal
实习考核=internship_assessment
共同生活家庭成员=household_members
家庭成员=family_members
其他=other
就业困难情形=employment_difficulty
养老机构=elderly_care_home
备案承诺书=filing_commitment
农民专业合作社=cooperative
农药经营=pesticide_business
质量管理制度=quality_rules
准予迁入=admission_to_move_in
减免税依据=tax_relief_basis
出厂合格证明=factory_certificate
出国=emigration
定居证明=settlement_proof
境=abroad
出生医学证明=birth_certificate
出租人=lessor
承租人=lessee
出质人=pledgor
质权人=pledgee
主体资格证明=entity_proof
出院记录=discharge_record
创业项目计划书=business_plan
利害关系证明=interest_proof
初步设计报告=preliminary_design_report
图纸=drawings
办学场所=school_premises
产权=ownership
所有权=ownership
使用权=use_right
使用证明=use_proof
办学章程=school_articles
办学资金=school_funds
办税人员=tax_agent
加油站=filling_station
规划选址=site_selection
确认文件=confirmation
加装电梯=elevator_retrofit
费用分摊协议=cost_sharing_agreement
支付凭证=payment_proof
劳务派遣=labour_dispatch
劳动保障监察=labour_inspection
投诉书=complaint
聘用合同=employment_contract
劳动能力鉴定结论书=work_capacity_conclusion
医保信息系统建设=medical_insurance_system
执业许可证=practice_licence
执业证书=practice_certificate
药品经营许可证=drug_licence
用房=building
规章制度=rules
职业病=occupational_disease
医疗费用=medical_expense
升放单位=balloon_operator
升放方案=balloon_plan
安全措施=safety_measures
协助执行通知书=enforcement_notice
单位介绍信=introduction_letter
单位经营困难=business_hardship
单位职工代表大会=workers_congress
工会=union
讨论意见=opinion
单用途卡=prepaid_card
购卡协议=card_agreement
占用位置平面图=occupation_site_plan
危险化学品经营许可证=hazardous_chemicals_licence
消防验收=fire_acceptance
原=original
个体工商户营业执照=business_licence
机动车驾驶证=driving_licence
机动车行驶证=vehicle_licence
机动车登记证书=vehicle_registration_certificate
参保凭证=insurance_proof
参保缴费凭证=contribution_proof
参保职工=insured_employee
双方=both_parties
半身=half_length
合影照片=joint_photo
照片=photo
取水计量设施=water_meter
安装=installation
受伤害职工=injured_employee
受托人=agent
可行性研究报告=feasibility_study
批复文件=approval
司法鉴定人=forensic_expert
商品房=commercial_housing
预售方案=presale_plan
预售合同=presale_contract
国有建设用地使用权=state_land_use_right
出让合同=grant_contract
划拨决定书=allocation_decision
土地=land
房屋=building
复垦方案报告表=reclamation_plan
承包经营权=contract_right
地役权合同=easement_contract
地质灾害危险性评估报告=geohazard_assessment
场地=site
设施=facilities
设备=equipment
场所=premises
地理位置图=location_map
功能区布局平面图=layout_plan
平面布置图=floor_plan
平面图=floor_plan
管理者=manager
培训场所=training_premises
培训机构=training_institution
处置=handling
施工险情=construction_hazard
意外事故=accidents
应急方案=emergency_plan
复员证明=demobilisation_proof
外国人工作许可证=work_permit
外国医师=foreign_physician
学位证书=degree
外国行医执照=medical_licence
大型群众性活动=mass_event
安全工作方案=security_plan
夫妻双方=spouses
契税完税凭证=deed_tax_receipt
委托事项=entrusted_matter
委托人=principal
婚姻状况声明书=marital_status_declaration
存量房=resale_home
学历学位证书=diploma_and_degree
学历证书=diploma
学历=education
学校=school
首届理事会=first_board
董事会组成人员名单=directors
宅基地=homestead
集体建设用地=collective_land
安全生产=work_safety
文本=text
规章制度和岗位操作规程目录=rules_and_procedures
安装位置=installation_site
用途=purpose
完税凭证=tax_receipt
实施方案=implementation_plan
职工权益措施=employee_protection
家庭收入=family_income
财产状况=assets
住房状况=housing
声明=declaration
家庭经济困难情况=family_hardship
家庭经济状况核对授权书=means_test_authorisation
导游人员=tour_guide
居住权合同=residence_right_contract
遗嘱=will
居民死亡医学证明（推断）书=death_certificate
全体职工=all_employees
职工代表=employee_representatives
工伤认定决定书=work_injury_decision
工作资历=work_experience
工程竣工验收报告=completion_acceptance_report
工程预算书=works_budget
已备案=filed
已聘用=hired
拟聘用=to_be_hired
驾驶人员=driver
师资力量=teaching_staff
广告设置位置图=advert_site_plan
效果图=rendering
应急预案=emergency_plan
电子文档=electronic_copy
评审意见=review_opinion
应用证明=application_proof
经济社会效益=benefits
延续期间=renewal_period
自行监测数据=self_monitoring_data
执行报告=compliance_report
建筑垃圾处置方案=construction_waste_plan
建筑工程施工许可证=construction_permit
建设单位=developer
建设工程=construction
档案报送清单=archive_list
竣工档案=completion_archive
竣工测量成果报告=completion_survey
符合规划=planning_compliance
规划许可证=planning_permit
规划许可=planning_permit
设计图纸=design_drawings
设计方案=design_scheme
总平面图=site_plan
建筑单体图=building_plans
建设用地规划许可证=land_planning_permit
建设资金=construction_funds
已经落实=secured
建设项目=project
安全评价报告=safety_assessment
工程建设方案=engineering_plan
核准=approval
备案文件=filing
有关批准文件=approval
水资源论证报告书=water_resource_assessment
论证表=assessment_form
环境影响报告书=eia_report
环境影响报告表=eia_form
用地预审=land_pre_review
选址=site_selection
开办=opening
快递末端网点=parcel_point
企业=company
授权证明=authorisation
异地=elsewhere
长期居住=long_term_residence
当事人=parties
预告登记=advance_registration
约定=agreement
律师事务所=law_firm
接收=accept
申请人=applicant
律师协会=bar_association
恢复草原植被方案=grassland_restoration_plan
成员名册=member_list
成员出资清单=member_contributions
户主=householder
户内成员=household_member
房地产经纪人员=estate_agent
职业资格证书=professional_certificate
房屋原值凭证=original_cost_proof
已经竣工=completion
所有人=owner
执业兽医=veterinarian
执业管理制度=practice_rules
执业药师=licensed_pharmacist
注册证=registration
执行人员工作证=officer_card
执行公务证=duty_card
承办者=organiser
合法成立=legal_establishment
承受方=transferee
技术合同=technology_contract
技术资料=technical_data
电磁环境=electromagnetic_environment
投诉人=complainant
投诉内容=complaint_content
护士执业证书=nurse_licence
护士执业资格考试成绩=nurse_exam_result
报废机动车回收证明=scrapping_certificate
抵押人=mortgagor
抵押合同=mortgage_contract
抵押权人=mortgagee
抵押权消灭=mortgage_discharge
招标文件=tender_documents
拟任=proposed
保安服务公司管理人员=security_managers
负责人=head
基本情况=profile
拟变更=new
执业机构=practice_institution
聘用证明=employment_proof
拟执业=proposed
村卫生室=village_clinic
基层法律服务所=legal_service_office
接收证明=acceptance_proof
拟投入=planned
专用车辆=special_vehicles
车辆=vehicles
拟设立=proposed
办学方案=school_plan
拟购买=intended
剧毒化学品=toxic_chemicals
品种=kinds
数量=quantity
排水水质检测报告=wastewater_test
排污许可证=discharge_permit
接收单位=receiving_unit
商调函=transfer_letter
收养人=adopter
县级以上=county_level
体检证明=health_check
放射诊疗=radiology
竣工验收=completion_acceptance
救助对象=aid_recipient
教学车辆=training_vehicles
教练场地=training_ground
教练员=instructors
文物影响评估报告=heritage_impact_assessment
新生儿=newborn
施工单位=contractor
签署=signed
工程质量保修书=warranty
施工合同=construction_contract
施工图审查报告=drawing_review_report
施工图设计文件审查合格书=drawing_review_certificate
施工方案=construction_plan
交通疏导方案=traffic_plan
无犯罪记录=no_criminal_record
无线电设备型号核准=radio_type_approval
易制毒化学品=precursor_chemicals
经营场所=premises
有批准权=authorised
人民政府=government
批准用地=land_approval
等=
有效=valid
病历=medical_records
线索=leads
服务场所=service_premises
服务所在地=local
办公场所=office
服务质量管理制度=service_quality_rules
业务操作规范=operating_procedures
本人人事档案=personnel_file
本人=own
名下无房产=no_home_owned
机具铭牌=nameplate
机动车交通事故责任强制保险凭证=compulsory_insurance
机动车安全技术检验报告=vehicle_inspection_report
机动车所有人=vehicle_owner
机动车所有权转移=vehicle_ownership_transfer
二手车销售发票=used_car_invoice
机动车抵押合同=vehicle_mortgage_contract
机动车整车出厂合格证明=vehicle_factory_certificate
机动车销售统一发票=vehicle_invoice
机动车驾驶人=driver
身体条件证明=fitness_proof
机械清扫设备=sweepers
垃圾运输车辆清单=waste_trucks
村民委员会=village_committee
来历证明=origin_proof
林木=trees
查询人=requester
查询=query
查阅人=reader
标注=marked
用地范围=land_area
土地利用现状图=land_use_map
树木位置图=tree_location_map
现状照片=photos
校长=principal
教师=teachers
档案转递通知单=file_transfer_notice
正式设立=establishment
死者=deceased
逝者=deceased
毕业学校=school
学籍证明=enrolment_proof
民办非企业单位登记证书=private_non_enterprise_certificate
民办非企业单位=private_non_enterprise
水质检验报告=water_quality_test
污染防治措施=pollution_measures
事故应急救援措施=emergency_measures
治安保卫制度=security_rules
安全防范设施=security_facilities
法定代表人=legal_representative
董事=directors
监事=supervisors
经理=managers
任职文件=appointments
法律职业资格证书=legal_qualification
注册资本=registered_capital
洪水影响评价报告=flood_impact_assessment
消防安全告知承诺书=fire_safety_commitment
消防安全管理制度=fire_safety_rules
消防设施维护保养记录=fire_equipment_records
消防设计文件=fire_design
涉及消防=fire_related
竣工图纸=as_built_drawings
清税证明=tax_clearance
清算报告=liquidation_report
演出场所=venue
合法使用证明=use_proof
演出节目内容=programme
演员名单=performers
演职人员=performers
火灾事故认定书=fire_accident_finding
火灾损失=fire_loss
烟草专卖零售许可证=tobacco_licence
燃气经营=gas_business
燃气设施建设工程=gas_works
爆破作业单位许可证=blasting_licence
合法使用=legal_use
父亲或母亲=parent
父母双方=parents
特殊工种岗位=special_job
工作年限=years_of_service
特种设备产品合格证=equipment_certificate
独生子女=only_child
伤残=disability
死亡证明=death_proof
环境应急预案=environmental_emergency_plan
编制说明=notes
环境影响评价审批文件=eia_approval
环境影响评价文件批复=eia_approval
环境风险评估报告=environmental_risk_assessment
现=current
生产场地=production_site
生产建设项目=project
水土保持方案报告书=soil_conservation_plan
报告表=report_form
生鲜乳=raw_milk
冷却=cooling
贮存设施=storage
检测设备=testing_equipment
用地预审与选址意见书=site_opinion
护照=passport
正面=frontal
免冠照片=photo
申请时上一年度=previous_year
财务审计报告=audit_report
申领人=claimant
疾病诊断证明=diagnosis
监护人=guardian
出境=exit
监督检验证明=inspection_certificate
相关医疗保健技术人员=health_staff
相应数量=sufficient
专职工作人员=full_time_staff
矿产资源开发利用方案=mining_plan
矿区范围图=mining_area_map
社会保险费缴费凭证=contribution_receipt
社会保障卡=social_security_card
社会团体法人登记证书=association_certificate
社会团体=association
社会稳定风险评估报告=stability_risk_assessment
离婚协议书=divorce_agreement
离婚证=divorce_certificate
种子检验人员=seed_testers
种子检验设施=seed_testing_facilities
种子生产=seed_production
加工=processing
贮藏设施=storage
租赁证明=lease_proof
租赁合同=lease
租赁=lease
测绘成果=survey
符合慈善组织条件=charity
筹设批准书=preparation_approval
筹设=preparation
管理制度文本=management_rules
纠正失信行为=credit_repair
纠纷=dispute
纳税人=taxpayer
经办人=agent
经营人员=sales_staff
培训证明=training_proof
仓库设施=warehouse
库房地址=warehouse
消防安全=fire_safety
经营质量管理制度=quality_rules
工作程序=procedures
文件目录=documents
继承人=heir
被继承人=deceased
受遗赠人=legatee
继承权公证书=inheritance_notarial_certificate
判决书=judgment
继承权证明=inheritance_proof
继续教育证明=continuing_education
续签=renewed
维修=repair
更新=renewal
改造方案=renovation_plan
维修设备设施=repair_equipment
技术人员=technicians
绿地恢复方案=green_restoration_plan
缴费年限证明=contribution_years
网络安全技术措施=network_security_measures
网络安全管理人员=network_security_staff
网络安全管理制度=network_security_rules
安全保护技术措施=protection_measures
职业技能等级证书=skill_certificate
职工代表大会=workers_congress
讨论通过=adopted
职工=employee
宣告死亡=declaration_of_death
股东=shareholder
自然人=natural_person
能源利用状况报告=energy_use_report
自行监测方案=self_monitoring_plan
致残经过证明=disability_cause_proof
医疗终结诊断证明=final_diagnosis
节能管理制度=energy_rules
能源计量器具配备=energy_meters
草原权属证明=grassland_title
药品质量管理制度=drug_quality_rules
营业场所=business_premises
营业设施=business_facilities
补建方案=rebuilding_plan
补偿方案=compensation_plan
补植方案=replanting_plan
社会福利机构=welfare_institution
被申请人=respondent
裁减人员方案=layoff_plan
规划=planning
消防=fire
部门=departments
认可文件=approvals
准许使用文件=occupancy_permits
解除=termination
终止=end
计量标准器=measurement_standards
配套设备=equipment
检定=verification
校准证书=calibration_certificate
计量标准技术报告=measurement_standard_report
设施农业用地协议=farm_facility_land_agreement
设施建设方案=facility_plan
设施设备清单=equipment_list
设立人=founder
律师执业证=lawyer_licence
设置人=founder
设置医疗机构批准书=medical_institution_approval
设置可行性研究报告=feasibility_study
非公路标志=roadside_sign
位置=location
尺寸=size
材质=material
设计图=design
设计单位=design_firm
人员=staff
证实=proving
登记簿记载事项错误=register_error
登记簿记载=register
事项错误=error
对登记的=registered
诊所房屋=clinic_premises
诊所执业人员=clinic_staff
诊所规章制度=clinic_rules
诊疗场所=clinic_premises
诊疗设备清单=clinic_equipment
试运行情况报告=trial_run_report
调运=shipped
林木种苗=seedlings
木材=timber
来源证明=origin_proof
财政票据领购证=receipt_purchase_card
货物=cargo
名称=name
外廓尺寸=dimensions
质量=weight
质权合同=pledge_contract
质疑函=challenge_letter
答复=reply
关键岗位人员=key_staff
质量管理人员=quality_staff
购买=purchase
购房人=buyer
购房发票=home_invoice
购机发票=machine_invoice
购机者=buyer
购车发票=car_invoice
贷款银行=lending_bank
还款明细=repayment_statement
费用明细清单=itemised_bill
资产=assets
经费来源证明=funding_proof
资金数额=funds
有效证明文件=proof
资产证明=assets_proof
资金管理制度=fund_rules
风险管理制度=risk_rules
赠与人=donor
受赠人=donee
赠与合同=gift_contract
跨区域涉税事项报告表=cross_region_tax_report
跨区域随迁=cross_region_move
居住证明=residence_proof
车货总体=vehicle_and_cargo
信息图=diagram
场站设施=depots
驾驶员配备=drivers
车辆卫星定位装置=gps_device
应急报警装置=alarm
安装证明=installation_proof
车辆行驶证=vehicle_licence
临时行驶车号牌=temporary_plate
车辆购置税完税证明=purchase_tax_receipt
转诊转院证明=referral
辐射安全=radiation_safety
防护设施=protection
辐射工作人员=radiation_staff
迁入地=destination
运营方案=operation_plan
近两年=last_two_years
近六个月内=last_six_months
近期病历=recent_medical_records
医疗材料=medical_proof
退休审批表=retirement_approval
养老金领取证明=pension_proof
退出现役证明=discharge_certificate
选址报告=site_report
建筑设计平面图=building_plans
道路交通安全违法行为记录证明=traffic_record
道路运输经营许可证=road_transport_licence
遗产权利凭证=estate_proof
遗失声明=loss_notice
遭遇急难情况=emergency
邀请=inviting
聘用单位=employer
采伐路段=felling_section
补种计划=replanting_plan
采矿权出让合同=mining_right_contract
采砂作业方式=sand_mining_method
范围=scope
期限=period
防洪评价报告=flood_assessment
防空地下室易地建设审批文件=shelter_relocation_approval
防雷装置检测报告=lightning_test_report
防雷装置设计说明书=lightning_design
集体合同文本=collective_agreement
零售场所安全条件=retail_safety
需役地=dominant_land
供役地=servient_land
项目单位=project_owner
关于=
申请材料真实性=authenticity
项目可行性研究报告审批请示=feasibility_approval_request
项目基本情况=project_profile
项目备案=project_filing
项目审批=project_approval
项目建议书批复=proposal_approval
项目建设依据=project_basis
项目立项=project_initiation
项目节能报告=energy_report
食品安全管理制度目录=food_safety_rules
食品生产主要设备=food_production_equipment
食品经营许可证=food_licence
首付款发票=down_payment_invoice
收据=receipt
验资报告=capital_verification
验资证明=capital_verification
或者=or
或=or
及以上=
以上=
对=
"""
TERMS = dict(line.split("=", 1) for line in TERMS_TEXT.strip().splitlines())
LONGEST = max(map(len, TERMS))


def words(name):
    """The English words of a name, term by term (longest first); a character no term covers raises KeyError."""
    out, i = [], 0
    while i < len(name):
        if name[i] in GLUE:
            i += 1
            continue
        term = next((name[i:i + n] for n in range(min(LONGEST, len(name) - i), 0, -1) if name[i:i + n] in TERMS), None)
        if term is None:
            raise KeyError(f"material {name!r}: no term for {name[i:]!r} (add it to TERMS in material_keys.py)")
        out.extend(w for w in TERMS[term].split("_") if w)
        i += len(term)
    return [w for k, w in enumerate(out) if k == 0 or w != out[k - 1]]


def shorten(parts):
    """Drops words from the middle (the first and the last two stay) until the key fits in MAX characters."""
    parts = list(parts)
    while len("_".join(parts)) > MAX and len(parts) > 3:
        del parts[-3]
    return "_".join(parts)[:MAX].rstrip("_")


def key_of(name):
    """The key of a material called `name`: NAMES, then application_form, then the glossary."""
    if name in NAMES:
        return NAMES[name]
    if FORM.search(name):
        return "application_form"
    return shorten(words(name))


def assign(materials):
    """Gives every material without a key the key of its name; two materials of one item with one key is an error."""
    for m in materials:
        if not m.get("key"):
            m["key"] = key_of(m["name"])
    keys = [m["key"] for m in materials]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise SystemExit(f"materials {[m['name'] for m in materials if m['key'] in dupes]} share the key {dupes}: name one in NAMES")


if __name__ == "__main__":  # a review aid: every name of a catalog with its key
    import json
    import os
    import sys
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "catalog.json")
    names = sorted({m["name"] for i in json.load(open(path, encoding="utf-8"))["items"] for m in i["materials"]})
    for n in names:
        print(f"{key_of(n):40} {n}")
